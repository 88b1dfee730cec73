<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BitGrid</name>
    <message>
        <location filename="../bit_grid.py" line="35" />
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="35" />
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="36" />
        <source>Carry</source>
        <translation>进位</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="37" />
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="38" />
        <source>True</source>
        <translation>真值</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="162" />
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="300" />
        <source>bit</source>
        <translation>位</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="376" />
        <source>bit 2^{k}: P(1) = {p}, predicted {bit} (wrong)</source>
        <translation>第 2^{k} 位：P(1) = {p}，预测为 {bit}（错误）</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="378" />
        <source>bit 2^{k}: P(1) = {p}, predicted {bit} (right)</source>
        <translation>第 2^{k} 位：P(1) = {p}，预测为 {bit}（正确）</translation>
    </message>
</context>
<context>
    <name>CalculatorTab</name>
    <message>
        <location filename="../calculator_tab.py" line="52" />
        <source>Run the model on numbers of this width</source>
        <translation>让模型计算这个位宽的数</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="182" />
        <source>width</source>
        <translation>位宽</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="183" />
        <source>true sum</source>
        <translation>真实的和</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="184" />
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="185" />
        <source>(its least certain bit)</source>
        <translation>（取最没把握的那一位）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="187" />
        <source>Predicted cells are shaded by the network's P(bit = 1); a red outline marks a column where it is wrong. Carry: the true carry into each column.</source>
        <translation>“预测”一行的格子按网络给出的 P(该位 = 1) 着色；红框标出网络算错的列。“进位”一行：进入每一列的真实进位。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="189" />
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="190" />
        <source>◀ Previous wrong</source>
        <translation>◀ 上一个错例</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="191" />
        <source>Next wrong ▶</source>
        <translation>下一个错例 ▶</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="239" />
        <source>Model: {name} ({encoding}, {bits}-bit)</source>
        <translation>模型：{name}（{encoding}，{bits} 位）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="265" />
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="265" />
        <source>✗ wrong</source>
        <translation>✗ 错误</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="268" />
        <source>the network is right</source>
        <translation>网络算对了</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="269" />
        <source>the network is wrong: the sum is {sum}</source>
        <translation>网络算错了：正确的和是 {sum}</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="284" />
        <source>Finding the pairs it gets wrong…</source>
        <translation>正在找出它算错的数对…</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="291" />
        <source>No wrong pairs: right on {scope}.</source>
        <translation>没有算错的数对：{scope}都算对了。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="292" />
        <source>{wrong} wrong of {scope} ({exact} right)</source>
        <translation>{scope}中算错 {wrong} 个（正确率 {exact}）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="296" />
        <source>Wrong pair {place} of {wrong} · {text}</source>
        <translation>第 {place} 个错例，共 {wrong} 个 · {text}</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="304" />
        <source>all {count} pairs</source>
        <translation>全部 {count} 个数对</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="305" />
        <source>{count} random pairs (seed {seed})</source>
        <translation>{count} 个随机数对（随机种子 {seed}）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="314" />
        <source>{bits} bits</source>
        <translation>{bits} 位</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="323" />
        <source>The {own}-bit model's weights, run on {bits}-bit numbers.</source>
        <translation>用 {own} 位模型的权重计算 {bits} 位的数。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="329" />
        <source>This model reads exactly {bits}-bit numbers, a's bits then b's; only a carry (paired-lsb) model can add wider numbers.</source>
        <translation>这个模型只读 {bits} 位的数：先读 a 的各位，再读 b 的各位。只有进位布局（paired-lsb）的模型才能做更宽的加法。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="332" />
        <source>Training: the width stays the model's own.</source>
        <translation>训练中：位宽保持为模型自身的位宽。</translation>
    </message>
</context>
<context>
    <name>ErrorMap</name>
    <message>
        <location filename="../error_map.py" line="71" />
        <source>wrong bits</source>
        <translation>错误位数</translation>
    </message>
</context>
<context>
    <name>InsightTab</name>
    <message>
        <location filename="../insight_tab.py" line="46" />
        <source>wrong bits for every pair</source>
        <translation>每个数对的错误位数</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="47" />
        <source>hover over the map to see a pair; click to send it to the calculator</source>
        <translation>鼠标悬停在图上可查看对应的数对；单击可把它送到计算器</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="180" />
        <source>accuracy of each output bit</source>
        <translation>各输出位的准确率</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="208" />
        <source>watching training, epoch {epoch}</source>
        <translation>正在观看训练：第 {epoch} 轮</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="213" />
        <source>no map while training: this run judges a sample only</source>
        <translation>训练期间没有误差图：本次训练只评估抽样的数对</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="216" />
        <source>this run judges a sample of pairs only, so the map waits for the trained model</source>
        <translation>本次训练只评估抽样的一部分数对，误差图要等模型训练完成后再画</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="240" />
        <source>could not compute: {reason}</source>
        <translation>无法计算：{reason}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="242" />
        <source>wrong bits for every pair: could not compute</source>
        <translation>每个数对的错误位数：无法计算</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="251" />
        <source>wrong bits for every pair: computing…</source>
        <translation>每个数对的错误位数：正在计算…</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="253" />
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="254" />
        <source>No model: open one from the File menu, or train one.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型，或者训练一个。</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="261" />
        <source>exact match {exact} of {count} pairs</source>
        <translation>{count} 个数对中精确匹配 {exact}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="263" />
        <source>{wrong} wrong pairs</source>
        <translation>算错的数对：{wrong} 个</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="267" />
        <source>no map: it shows every pair, so at most {bits}-bit models</source>
        <translation>没有误差图：图中要画出每一个数对，所以最多只画 {bits} 位的模型</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="317" />
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="319" />
        <source>1 bit wrong</source>
        <translation>错 1 位</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="321" />
        <source>{wrong} bits wrong</source>
        <translation>错 {wrong} 位</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="323" />
        <source>{a} + {b} = {sum} ({verdict})</source>
        <translation>{a} + {b} = {sum}（{verdict}）</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="325" />
        <source>{a} + {b} = {sum}, model says {predicted} ({verdict})</source>
        <translation>{a} + {b} = {sum}，模型给出 {predicted}（{verdict}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="140" />
        <location filename="../main_window.py" line="190" />
        <source>Export figure…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143" />
        <source>Save the figure of this tab as an image: the bit grid, the training curves, or the error map</source>
        <translation>把当前标签页的主图保存为图片：位网格、训练曲线或错误图</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>Insight</source>
        <translation>洞察</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Bundled models</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189" />
        <source>Save model as…</source>
        <translation>模型另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>Seed model</source>
        <translation>Seed 模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>Carry model</source>
        <translation>Carry 模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Open the bundled {0} model ({1})</source>
        <translation>打开内置的 {0} 模型（{1}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source> Bundled: </source>
        <translation> 内置： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source> Model: </source>
        <translation> 模型： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="295" />
        <source>Export figure</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309" />
        <source>Cannot export the figure</source>
        <translation>无法导出图像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312" />
        <source>Saved the figure to {0}</source>
        <translation>图像已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <location filename="../i18n.py" line="58" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="59" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../replay.py" line="32" />
        <source>Play the run's epochs, about 4 a second</source>
        <translation>逐轮回放这次训练，每秒约 4 轮</translation>
    </message>
    <message>
        <location filename="../replay.py" line="39" />
        <source>Drag to see the model as it was after each epoch: the calculator, the error map and the state view follow; the right end is the model itself</source>
        <translation>拖动可查看模型在每一轮之后的样子：计算器、错误图和状态视图会随之变化；最右端是模型本身</translation>
    </message>
    <message>
        <location filename="../replay.py" line="78" />
        <source>No epochs to replay: train a model, or open one saved with its epochs</source>
        <translation>没有可回放的轮次：请先训练一个模型，或打开一个保存了各轮记录的模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="83" />
        <source>epoch {0} of {1} · the best epoch, restored as the model</source>
        <translation>第 {0} / {1} 轮 · 最好的一轮，已恢复为模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="84" />
        <source>epoch {0} of {1} · following the run</source>
        <translation>第 {0} / {1} 轮 · 跟随训练</translation>
    </message>
    <message>
        <location filename="../replay.py" line="85" />
        <source>epoch {0} of {1} · the final model</source>
        <translation>第 {0} / {1} 轮 · 最终模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="87" />
        <source>epoch {0} of {1} · untrained</source>
        <translation>第 {0} / {1} 轮 · 未训练</translation>
    </message>
    <message>
        <location filename="../replay.py" line="89" />
        <source>epoch {0} of {1}</source>
        <translation>第 {0} / {1} 轮</translation>
    </message>
</context>
<context>
    <name>StateView</name>
    <message>
        <location filename="../state_view.py" line="35" />
        <source>h (hidden state)</source>
        <translation>h（隐藏状态）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="36" />
        <source>c (cell state)</source>
        <translation>c（单元状态）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="42" />
        <source>finding the carry unit…</source>
        <translation>正在寻找负责进位的单元…</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="43" />
        <source>the carry unit is looked for once training ends</source>
        <translation>训练结束后再寻找负责进位的单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="45" />
        <source>the carry unit could not be found</source>
        <translation>没能找到负责进位的单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="138" />
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="211" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="222" />
        <source>cannot show the state: {reason}</source>
        <translation>无法显示状态：{reason}</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="241" />
        <source>state after each step for {a} + {b} at {bits} bits (the {own}-bit model's weights)</source>
        <translation>计算 {a} + {b} 时每一步之后的状态，按 {bits} 位计算（用 {own} 位模型的权重）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="245" />
        <source>state after each step for {a} + {b}</source>
        <translation>计算 {a} + {b} 时每一步之后的状态</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="247" />
        <source>{title}. Under each step: the bit it reads. In this layout the carry has no step of its own.</source>
        <translation>{title}。每一步下方标出该步读入的位。在这种布局里，进位没有单独的一步。</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="250" />
        <source>{title} ({wait})</source>
        <translation>{title}（{wait}）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="251" />
        <source>unit {unit} ({state}) tracks the carry, r = {r}</source>
        <translation>单元 {unit}（{state}）跟踪进位，r = {r}</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="253" />
        <source>{title}. Under each step: a&lt;sub&gt;t&lt;/sub&gt; over b&lt;sub&gt;t&lt;/sub&gt;. &lt;b&gt;{unit}&lt;/b&gt; (outlined)</source>
        <translation>{title}。每一步下方：上为 a&lt;sub&gt;t&lt;/sub&gt;，下为 b&lt;sub&gt;t&lt;/sub&gt;。&lt;b&gt;{unit}&lt;/b&gt;（已框出）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="266" />
        <source>unit {unit} ({state})</source>
        <translation>单元 {unit}（{state}）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="267" />
        <source>the true carry out</source>
        <translation>真实的进位输出</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="268" />
        <source>{unit} against {carry}</source>
        <translation>{unit} 对照 {carry}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../plots.py" line="209" />
        <source>epoch {value:.0f}</source>
        <translation>第 {value:.0f} 轮</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../training_tab.py" line="104" />
        <source>Keep every epoch in the saved file</source>
        <translation>在保存的文件中保留每一轮</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="107" />
        <source>Save the weights after every epoch with a model trained here, so that every epoch replays in full after reopening the file: about 1 MB an epoch for the seed recipe, 6 KB for carry. Without it the file keeps each epoch's error map and curves.</source>
        <translation>保存在这里训练的模型时，一并保存每一轮之后的权重，重新打开文件后即可完整回放每一轮：seed 配方每轮约 1 MB，carry 约 6 KB。不勾选时，文件只保留每轮的错误图和曲线。</translation>
    </message>
</context>
<context>
    <name>WidthView</name>
    <message>
        <location filename="../width_view.py" line="32" />
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="33" />
        <source>This model reads all of a, then all of b, most significant bit first: a fixed number of steps for a fixed width. It cannot be run on wider numbers.</source>
        <translation>这个模型先读完 a 的所有位，再读 b 的所有位，都从最高位读起：位宽固定，步数也固定，所以不能用在更宽的数上。</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="36" />
        <source>This layout reads one bit of each number per step, so the same weights add numbers of any width.</source>
        <translation>这种布局每一步从两个数中各读一位，所以同一组权重可以做任意位宽的加法。</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="39" />
        <source>measured on the trained model, when training ends</source>
        <translation>训练结束后，在训练好的模型上测量</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="68" />
        <source>wider numbers, same weights</source>
        <translation>更宽的数，同一组权重</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="69" />
        <location filename="../width_view.py" line="73" />
        <source>bits</source>
        <translation>位宽</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="69" />
        <location filename="../width_view.py" line="72" />
        <source>exact</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="70" />
        <source>pairs</source>
        <translation>数对</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="107" />
        <source>{count} (all)</source>
        <translation>{count}（全部）</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="108" />
        <source>{count} random</source>
        <translation>{count}（随机抽样）</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../export.py" line="38" />
        <source>{0}: figures are saved as {1} files</source>
        <translation>{0}：图像只能保存为 {1} 文件</translation>
    </message>
    <message>
        <location filename="../export.py" line="39" />
        <source>There is no figure on show to export</source>
        <translation>当前没有可导出的图像</translation>
    </message>
    <message>
        <location filename="../export.py" line="40" />
        <source>The figure could not be drawn as a PNG image</source>
        <translation>无法把图像绘制为 PNG 图片</translation>
    </message>
    <message>
        <location filename="../export.py" line="41" />
        <source>The figure could not be drawn as an SVG image</source>
        <translation>无法把图像绘制为 SVG 图片</translation>
    </message>
    <message>
        <location filename="../export.py" line="42" />
        <source>{0}: folder {1} does not exist</source>
        <translation>{0}：文件夹 {1} 不存在</translation>
    </message>
    <message>
        <location filename="../export.py" line="43" />
        <source>{0}: could not save the figure: {1}</source>
        <translation>{0}：无法保存图像：{1}</translation>
    </message>
    <message>
        <location filename="../export.py" line="44" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../export.py" line="45" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <location filename="../calculator_tab.py" line="57" />
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="58" />
        <source>No model: open one from the File menu, or train one.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型，或者训练一个。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="59" />
        <source>No model: open one from the File menu.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型。</translation>
    </message>
</context>
</TS>