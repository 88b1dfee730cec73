<?xml version="1.0" encoding="utf-8"?>
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
        <location filename="../calculator_tab.py" line="170" />
        <source>width</source>
        <translation>位宽</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="171" />
        <source>true sum</source>
        <translation>真实的和</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="172" />
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="173" />
        <source>(its least certain bit)</source>
        <translation>（取最没把握的那一位）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="175" />
        <source>Predicted cells are shaded by the network's P(bit = 1); a red outline marks a column where it is wrong. Carry: the true carry into each column.</source>
        <translation>“预测”一行的格子按网络给出的 P(该位 = 1) 着色；红框标出网络算错的列。“进位”一行：进入每一列的真实进位。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="177" />
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="178" />
        <source>◀ Previous wrong</source>
        <translation>◀ 上一个错例</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="179" />
        <source>Next wrong ▶</source>
        <translation>下一个错例 ▶</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="227" />
        <source>Model: {name} ({encoding}, {bits}-bit)</source>
        <translation>模型：{name}（{encoding}，{bits} 位）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="253" />
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="253" />
        <source>✗ wrong</source>
        <translation>✗ 错误</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="256" />
        <source>the network is right</source>
        <translation>网络算对了</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="257" />
        <source>the network is wrong: the sum is {sum}</source>
        <translation>网络算错了：正确的和是 {sum}</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="272" />
        <source>Finding the pairs it gets wrong…</source>
        <translation>正在找出它算错的数对…</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="279" />
        <source>No wrong pairs: right on {scope}.</source>
        <translation>没有算错的数对：{scope}都算对了。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="280" />
        <source>{wrong} wrong of {scope} ({exact} right)</source>
        <translation>{scope}中算错 {wrong} 个（正确率 {exact}）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="284" />
        <source>Wrong pair {place} of {wrong} · {text}</source>
        <translation>第 {place} 个错例，共 {wrong} 个 · {text}</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="292" />
        <source>all {count} pairs</source>
        <translation>全部 {count} 个数对</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="293" />
        <source>{count} random pairs (seed {seed})</source>
        <translation>{count} 个随机数对（随机种子 {seed}）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="302" />
        <source>{bits} bits</source>
        <translation>{bits} 位</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="311" />
        <source>The {own}-bit model's weights, run on {bits}-bit numbers.</source>
        <translation>用 {own} 位模型的权重计算 {bits} 位的数。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="317" />
        <source>This model reads exactly {bits}-bit numbers, a's bits then b's; only a carry (paired-lsb) model can add wider numbers.</source>
        <translation>这个模型只读 {bits} 位的数：先读 a 的各位，再读 b 的各位。只有进位布局（paired-lsb）的模型才能做更宽的加法。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="320" />
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
        <location filename="../insight_tab.py" line="184" />
        <source>accuracy of each output bit</source>
        <translation>各输出位的准确率</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="185" />
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="213" />
        <source>replaying epoch {epoch}</source>
        <translation>正在回放第 {epoch} 轮</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="214" />
        <source>watching training, epoch {epoch}</source>
        <translation>正在观看训练：第 {epoch} 轮</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="219" />
        <source>no map while training: this run judges a sample only</source>
        <translation>训练期间没有误差图：本次训练只评估抽样的数对</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="222" />
        <source>this run judges a sample of pairs only, so the map waits for the trained model</source>
        <translation>本次训练只评估抽样的一部分数对，误差图要等模型训练完成后再画</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="246" />
        <source>could not compute: {reason}</source>
        <translation>无法计算：{reason}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="248" />
        <source>wrong bits for every pair: could not compute</source>
        <translation>每个数对的错误位数：无法计算</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="257" />
        <source>wrong bits for every pair: computing…</source>
        <translation>每个数对的错误位数：正在计算…</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="259" />
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="260" />
        <source>No model: open one from the File menu, or train one.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型，或者训练一个。</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="267" />
        <source>exact match {exact} of {count} pairs</source>
        <translation>{count} 个数对中精确匹配 {exact}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="269" />
        <source>{wrong} wrong pairs</source>
        <translation>算错的数对：{wrong} 个</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="273" />
        <source>no map: it shows every pair, so at most {bits}-bit models</source>
        <translation>没有误差图：图中要画出每一个数对，所以最多只画 {bits} 位的模型</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="323" />
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="325" />
        <source>1 bit wrong</source>
        <translation>错 1 位</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="327" />
        <source>{wrong} bits wrong</source>
        <translation>错 {wrong} 位</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="329" />
        <source>{a} + {b} = {sum} ({verdict})</source>
        <translation>{a} + {b} = {sum}（{verdict}）</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="331" />
        <source>{a} + {b} = {sum}, model says {predicted} ({verdict})</source>
        <translation>{a} + {b} = {sum}，模型给出 {predicted}（{verdict}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="67" />
        <source>Keras models (*.keras *.h5 *.hdf5);;All files (*)</source>
        <translation>Keras 模型 (*.keras *.h5 *.hdf5);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="69" />
        <source>The models open in this window</source>
        <translation>这个窗口中打开的模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="70" />
        <source>No model: open one from the File menu.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155" />
        <location filename="../main_window.py" line="202" />
        <source>Export figure…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204" />
        <source>Save the figure of this tab as an image: the bit grid, the training curves, or the error map</source>
        <translation>把当前标签页的主图保存为图片：位网格、训练曲线或错误图</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>Insight</source>
        <translation>洞察</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199" />
        <source>Bundled models</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201" />
        <source>Save model as…</source>
        <translation>模型另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207" />
        <source>Seed model</source>
        <translation>Seed 模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207" />
        <source>Carry model</source>
        <translation>Carry 模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="210" />
        <source>Open the bundled {0} model ({1})</source>
        <translation>打开内置的 {0} 模型（{1}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source> Bundled: </source>
        <translation> 内置： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="251" />
        <source> Showing {0} · selected: </source>
        <translation> 正在显示 {0} · 已选： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="254" />
        <source> Model: </source>
        <translation> 模型： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326" />
        <source>Export figure</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340" />
        <source>Cannot export the figure</source>
        <translation>无法导出图像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343" />
        <source>Saved the figure to {0}</source>
        <translation>图像已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412" />
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <location filename="../i18n.py" line="65" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="66" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RecipeWords</name>
    <message>
        <location filename="../recipe_words.py" line="25" />
        <source>Bits per operand</source>
        <translation>每个加数的位数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="26" />
        <source>LSTM units</source>
        <translation>LSTM 单元数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="27" />
        <source>Dropout</source>
        <translation>丢弃率（dropout）</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="28" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="29" />
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="30" />
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="31" />
        <source>Held out (fraction)</source>
        <translation>留出比例</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="32" />
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="33" />
        <source>Stop when every pair is right</source>
        <translation>所有数对都算对时停止</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="36" />
        <source>width of each operand</source>
        <translation>每个加数的位宽</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="37" />
        <source>size of the LSTM's state</source>
        <translation>LSTM 状态的大小</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="38" />
        <source>fraction of the LSTM's outputs dropped in training</source>
        <translation>训练时丢弃的 LSTM 输出所占的比例</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="40" />
        <source>step size of the Adam optimiser</source>
        <translation>Adam 优化器的步长</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="41" />
        <source>pairs per training step</source>
        <translation>每个训练步的数对个数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="42" />
        <source>passes over the training pairs, at most</source>
        <translation>最多遍历训练数对的次数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="43" />
        <source>fraction of the pairs never trained on (up to {0} bits)</source>
        <translation>从不参与训练的数对所占的比例（最多 {0} 位）</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="45" />
        <source>seed of the weights and of the split</source>
        <translation>初始权重和数据划分的随机种子</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="46" />
        <source>stop once every pair is exactly right</source>
        <translation>一旦每个数对都完全算对就停止</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="48" />
        <source>a whole number {0}</source>
        <translation>一个整数，{0}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="49" />
        <source>a finite number {0}</source>
        <translation>一个有限的数，{0}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="50" />
        <source>on or off</source>
        <translation>开或关</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="51" />
        <source>above {0}</source>
        <translation>大于 {0}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="52" />
        <source>{0} or more</source>
        <translation>不小于 {0}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="54" />
        <source>from {0} to {1}</source>
        <translation>从 {0} 到 {1}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="55" />
        <source>from {0} to below {1}</source>
        <translation>从 {0} 到小于 {1}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="56" />
        <source>above {0} and to {1}</source>
        <translation>大于 {0} 且不大于 {1}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="57" />
        <source>above {0} and to below {1}</source>
        <translation>大于 {0} 且小于 {1}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="59" />
        <source>{0} must be {1}</source>
        <translation>{0}必须是{1}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="60" />
        <source>{0}: {1}.</source>
        <translation>{0}：{1}。</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../replay.py" line="75" />
        <source>Play the run's epochs, about 4 a second</source>
        <translation>逐轮回放这次训练，每秒约 4 轮</translation>
    </message>
    <message>
        <location filename="../replay.py" line="77" />
        <source>Drag to see the model as it was after each epoch: the calculator, the error map and the state view follow; the right end is the model itself</source>
        <translation>拖动可查看模型在每一轮之后的样子：计算器、错误图和状态视图会随之变化；最右端是模型本身</translation>
    </message>
    <message>
        <location filename="../replay.py" line="84" />
        <source>The run's epochs appear here as each one ends</source>
        <translation>每一轮结束后，它会出现在这里</translation>
    </message>
    <message>
        <location filename="../replay.py" line="85" />
        <source>no epoch yet</source>
        <translation>还没有完成的轮次</translation>
    </message>
    <message>
        <location filename="../replay.py" line="87" />
        <source>This model's file keeps no epochs to replay: a model trained here replays, and so does its file saved with its epochs</source>
        <translation>这个模型的文件没有保存可回放的轮次：在这里训练的模型可以回放，连同各轮一起保存的文件也可以</translation>
    </message>
    <message>
        <location filename="../replay.py" line="89" />
        <source>no epochs kept in this file</source>
        <translation>此文件没有保存各轮</translation>
    </message>
    <message>
        <location filename="../replay.py" line="90" />
        <source>No epochs to replay: train a model, or open one saved with its epochs</source>
        <translation>没有可回放的轮次：请先训练一个模型，或打开一个保存了各轮记录的模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="102" />
        <source>epoch {0} of {1} · the best epoch, restored as the model</source>
        <translation>第 {0} / {1} 轮 · 最好的一轮，已恢复为模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="105" />
        <source>epoch {0} of {1} · following the run</source>
        <translation>第 {0} / {1} 轮 · 跟随训练</translation>
    </message>
    <message>
        <location filename="../replay.py" line="106" />
        <source>epoch {0} of {1} · the final model</source>
        <translation>第 {0} / {1} 轮 · 最终模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="108" />
        <source>epoch {0} of {1} · untrained</source>
        <translation>第 {0} / {1} 轮 · 未训练</translation>
    </message>
    <message>
        <location filename="../replay.py" line="110" />
        <source>epoch {0} of {1}</source>
        <translation>第 {0} / {1} 轮</translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <location filename="../run_state.py" line="28" />
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="29" />
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="30" />
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="31" />
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="32" />
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="33" />
        <source>exactly right</source>
        <translation>完全正确</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="34" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="35" />
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="36" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="56" />
        <source>{0:,} epoch</source>
        <translation>{0:,} 轮</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="57" />
        <source>{0:,} epochs</source>
        <translation>{0:,} 轮</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="58" />
        <source>{0:,} batch</source>
        <translation>{0:,} 批</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="59" />
        <source>{0:,} batches</source>
        <translation>{0:,} 批</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="91" />
        <source>{0} + {1}/{2}</source>
        <translation>{0} + {1}/{2}</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="92" />
        <source>{0} and {1} of {2}</source>
        <translation>{0}又 {1}/{2}</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="107" />
        <source>Training diverged in epoch {0}: the loss is no longer a finite number. The previous model is kept.</source>
        <translation>训练在第 {0} 轮发散：损失不再是有限的数。之前的模型保持不变。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="112" />
        <source>Stopped by you before the first batch: no new model.</source>
        <translation>你在第一批之前停止了训练：没有新模型。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="114" />
        <source>Stopped by you after {0}. The model joins the list, marked stopped.</source>
        <translation>你在 {0}之后停止了训练。模型已加入列表，标记为“已停止”。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="119" />
        <source>Exactly right on all {0:,} pairs after {1}. The model joins the list.</source>
        <translation>训练 {1}后，全部 {0:,} 个数对都完全正确。模型已加入列表。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="122" />
        <source>Finished {0}: {1:.1%} exact (best epoch {2}). The model joins the list.</source>
        <translation>已完成 {0}：精确匹配 {1:.1%}（最佳为第 {2} 轮）。模型已加入列表。</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="74" />
        <source>Pick a recipe and press Start.</source>
        <translation>选一个配方，然后按“开始训练”。</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="331" />
        <source>Loading TensorFlow…</source>
        <translation>正在加载 TensorFlow…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="332" />
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="342" />
        <source>Stopping after this batch…</source>
        <translation>这一批结束后停止…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="382" />
        <source>Training a {1} model on {0}-bit numbers…</source>
        <translation>正在用 {0} 位的数训练 {1} 模型…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="393" />
        <source>epoch {0}/{1} · batch {2}/{3} · ETA {4}</source>
        <translation>第 {0}/{1} 轮 · 第 {2}/{3} 批 · 剩余 {4}</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="402" />
        <source>Epoch {0}: loss {1:.4g}, exact {2:.1%} ({3:.0f} s)</source>
        <translation>第 {0} 轮：损失 {1:.4g}，精确匹配 {2:.1%}（{3:.0f} 秒）</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="404" />
        <source>Epoch {0}: loss {1:.4g}, exact {2:.1%}, held-out {4:.1%} ({3:.0f} s)</source>
        <translation>第 {0} 轮：损失 {1:.4g}，精确匹配 {2:.1%}，留出集 {4:.1%}（{3:.0f} 秒）</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="432" />
        <source>Training failed: {0}</source>
        <translation>训练失败：{0}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="120" />
        <source>Cannot train the seeds: {0}</source>
        <translation>无法训练这些种子：{0}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="130" />
        <source>Training {0} seeds of {1}, {2} at a time…</source>
        <translation>正在训练 {1} 的 {0} 个种子，每次 {2} 个…</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="149" />
        <source>Stopping every seed…</source>
        <translation>正在停止所有种子…</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="153" />
        <location filename="../seeds_training.py" line="184" />
        <source>seeds {0}/{1}</source>
        <translation>种子 {0}/{1}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="163" />
        <source>Seed {0}, epoch {1}: loss {2:.4g}, exact {3:.1%}</source>
        <translation>种子 {0}，第 {1} 轮：损失 {2:.4g}，完全正确 {3:.1%}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="181" />
        <source>The models are in {0}.</source>
        <translation>模型保存在 {0}。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="193" />
        <source>None of the {0} seeds reached 100%.</source>
        <translation>{0} 个种子都没有达到 100%。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="196" />
        <source>{0} of {1} seeds reached 100%, after {2} epochs.</source>
        <translation>{1} 个种子中有 {0} 个达到 100%，用了 {2} 轮。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="200" />
        <source>{0} of {1} seeds reached 100%, after {2}–{3} epochs (median {4:g}).</source>
        <translation>{1} 个种子中有 {0} 个达到 100%，用了 {2}–{3} 轮（中位数 {4:g}）。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="204" />
        <source>Stopped by you: {0}</source>
        <translation>已由你停止：{0}</translation>
    </message>
</context>
<context>
    <name>SeedPlots</name>
    <message>
        <location filename="../seed_plots.py" line="24" />
        <source>Loss over the seeds</source>
        <translation>各种子的损失</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="25" />
        <source>Exact match over the seeds</source>
        <translation>各种子的完全正确率</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="26" />
        <source>each seed</source>
        <translation>每个种子</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="26" />
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="27" />
        <source>mean ± std</source>
        <translation>平均 ± 标准差</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="75" />
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="78" />
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="79" />
        <source>fraction right</source>
        <translation>正确比例</translation>
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
        <location filename="../state_view.py" line="43" />
        <source>finding the carry unit…</source>
        <translation>正在寻找负责进位的单元…</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="44" />
        <source>the carry unit is looked for once training ends</source>
        <translation>训练结束后再寻找负责进位的单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="46" />
        <source>the carry unit could not be found</source>
        <translation>没能找到负责进位的单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="47" />
        <source>the carry unit is looked for in the model itself</source>
        <translation>负责进位的单元要在模型本身中寻找</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="141" />
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="214" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="225" />
        <source>cannot show the state: {reason}</source>
        <translation>无法显示状态：{reason}</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="247" />
        <source>state after each step for {a} + {b} at {bits} bits (the {own}-bit model's weights)</source>
        <translation>计算 {a} + {b} 时每一步之后的状态，按 {bits} 位计算（用 {own} 位模型的权重）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="251" />
        <source>state after each step for {a} + {b}</source>
        <translation>计算 {a} + {b} 时每一步之后的状态</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="253" />
        <source>{title}. Under each step: the bit it reads. In this layout the carry has no step of its own.</source>
        <translation>{title}。每一步下方标出该步读入的位。在这种布局里，进位没有单独的一步。</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="256" />
        <source>{title} ({wait})</source>
        <translation>{title}（{wait}）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="257" />
        <source>unit {unit} ({state}) tracks the carry, r = {r}</source>
        <translation>单元 {unit}（{state}）跟踪进位，r = {r}</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="259" />
        <source>{title}. Under each step: a&lt;sub&gt;t&lt;/sub&gt; over b&lt;sub&gt;t&lt;/sub&gt;. &lt;b&gt;{unit}&lt;/b&gt; (outlined)</source>
        <translation>{title}。每一步下方：上为 a&lt;sub&gt;t&lt;/sub&gt;，下为 b&lt;sub&gt;t&lt;/sub&gt;。&lt;b&gt;{unit}&lt;/b&gt;（已框出）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="272" />
        <source>unit {unit} ({state})</source>
        <translation>单元 {unit}（{state}）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="273" />
        <source>the true carry out</source>
        <translation>真实的进位输出</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="274" />
        <source>{unit} against {carry}</source>
        <translation>{unit} 对照 {carry}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../plots.py" line="39" />
        <source>Move the mouse over a plot to read its values.</source>
        <translation>把鼠标移到图上即可读出数值。</translation>
    </message>
    <message>
        <location filename="../plots.py" line="51" />
        <source>loss (batches)</source>
        <translation>损失（各批）</translation>
    </message>
    <message>
        <location filename="../plots.py" line="53" />
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../plots.py" line="54" />
        <source>held-out loss</source>
        <translation>留出集损失</translation>
    </message>
    <message>
        <location filename="../plots.py" line="56" />
        <source>exact match</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <location filename="../plots.py" line="57" />
        <source>held-out exact</source>
        <translation>留出集精确匹配</translation>
    </message>
    <message>
        <location filename="../plots.py" line="59" />
        <source>mean bit accuracy</source>
        <translation>平均位准确率</translation>
    </message>
    <message>
        <location filename="../plots.py" line="287" />
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../plots.py" line="288" />
        <source>fraction right</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <location filename="../plots.py" line="290" />
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="291" />
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../plots.py" line="297" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../plots.py" line="305" />
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../plots.py" line="305" />
        <source>Loss · epoch {0}</source>
        <translation>损失 · 第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="489" />
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="490" />
        <source>loss {0:.4g}</source>
        <translation>损失 {0:.4g}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="492" />
        <source>held-out loss {0:.4g}</source>
        <translation>留出集损失 {0:.4g}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="493" />
        <source>exact {0:.2%}</source>
        <translation>精确匹配 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="495" />
        <source>held-out exact {0:.2%}</source>
        <translation>留出集精确匹配 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="497" />
        <source>bit accuracy {0:.2%}</source>
        <translation>位准确率 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="499" />
        <source>{0:.1f} s</source>
        <translation>{0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../plots.py" line="505" />
        <source>No epoch finished yet.</source>
        <translation>还没有完成任何一轮。</translation>
    </message>
    <message>
        <location filename="../plots.py" line="509" />
        <source>stopped here</source>
        <translation>在这里停止</translation>
    </message>
    <message>
        <location filename="../plots.py" line="510" />
        <source>an epoch the stop cut short</source>
        <translation>被停止打断的一轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="512" />
        <source>no epoch finished yet</source>
        <translation>还没有完成任何一轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="513" />
        <source>epoch in progress</source>
        <translation>本轮进行中</translation>
    </message>
    <message>
        <location filename="../plots.py" line="514" />
        <source>epoch {0:.2f}  ·  batch loss {1:.4g}  ·  {2}</source>
        <translation>第 {0:.2f} 轮  ·  批损失 {1:.4g}  ·  {2}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../training_tab.py" line="211" />
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="212" />
        <source>Start from</source>
        <translation>起始配方</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="213" />
        <source>Watch it learn: the Calculator follows this run</source>
        <translation>观看学习过程：计算器跟随这次训练</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="214" />
        <source>Keep every epoch in the saved file</source>
        <translation>在保存的文件中保留每一轮</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="216" />
        <source>Save the weights after every epoch with a model trained here, so that every epoch replays in full after reopening the file: about 1 MB an epoch for the seed recipe, 6 KB for carry. Without it the file keeps each epoch's error map and curves.</source>
        <translation>保存在这里训练的模型时，一并保存每一轮之后的权重，重新打开文件后即可完整回放每一轮：seed 配方每轮约 1 MB，carry 约 6 KB。不勾选时，文件只保留每轮的错误图和曲线。</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="221" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="235" />
        <source>{encoding} layout, {loss} loss</source>
        <translation>{encoding} 布局，{loss} 损失</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="82" />
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="83" />
        <source>Train this many copies of the recipe, with the random seed above and the seeds after it, each in a process of its own. The plots show every seed and the mean ± std; each model is saved in {0} and joins the model list.</source>
        <translation>用上面的随机种子及其后的种子把这个配方训练这么多份，每份在自己的进程中。图中画出每个种子以及平均 ± 标准差；每个模型保存在 {0}，并加入模型列表。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="89" />
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="90" />
        <source>Train {0} seeds</source>
        <translation>训练 {0} 个种子</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="91" />
        <source>Log for TensorBoard</source>
        <translation>为 TensorBoard 记录日志</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="92" />
        <source>Log each run in a folder of its own under {0}, for TensorBoard, with its epochs in a CSV table too</source>
        <translation>把每次训练记录在 {0} 下它自己的文件夹中，供 TensorBoard 使用，各轮数据另存为一张 CSV 表</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="95" />
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="98" />
        <source>Folder for TensorBoard logs</source>
        <translation>TensorBoard 日志的文件夹</translation>
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
        <location filename="../width_view.py" line="41" />
        <source>measured on the model itself: move the timeline to its right end</source>
        <translation>在模型本身上测量：把时间轴移到最右端</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="70" />
        <source>wider numbers, same weights</source>
        <translation>更宽的数，同一组权重</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="71" />
        <location filename="../width_view.py" line="75" />
        <source>bits</source>
        <translation>位宽</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="71" />
        <location filename="../width_view.py" line="74" />
        <source>exact</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="72" />
        <source>pairs</source>
        <translation>数对</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="110" />
        <source>{count} (all)</source>
        <translation>{count}（全部）</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="111" />
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
    <name>saving</name>
    <message>
        <location filename="../saving.py" line="22" />
        <source>Keras models (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <location filename="../saving.py" line="44" />
        <source>Save {0} as</source>
        <translation>将 {0} 另存为</translation>
    </message>
    <message>
        <location filename="../saving.py" line="58" />
        <source>Save before closing?</source>
        <translation>关闭前要保存吗？</translation>
    </message>
    <message>
        <location filename="../saving.py" line="60" />
        <source>Close LSTM Adder?</source>
        <translation>关闭 LSTM Adder？</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <location filename="../../session/on_show.py" line="29" />
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../session/on_show.py" line="101" />
        <source>Could not judge the pairs: {0}</source>
        <translation>无法评估这些数对：{0}</translation>
    </message>
    <message>
        <location filename="../../session/watching.py" line="21" />
        <source>No model: open one from the File menu, or train one.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型，或者训练一个。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="25" />
        <source>Only Keras can write this model, and Keras is training: stop training to save it.</source>
        <translation>只有 Keras 能写出这个模型，而 Keras 正在训练：请先停止训练再保存。</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="22" />
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="28" />
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="35" />
        <source>No model yet ({0} not found). Open a model file, or train one in the Training tab.</source>
        <translation>还没有模型（找不到 {0}）。请打开一个模型文件，或者在“训练”标签页训练一个。</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="48" />
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="89" />
        <source>Opened {0} from {1}</source>
        <translation>已从 {1} 打开 {0}</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="91" />
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../session/watching.py" line="45" />
        <source>Watching training: epoch {0}, {1:.1%} exact</source>
        <translation>正在观看训练：第 {0} 轮，精确匹配 {1:.1%}</translation>
    </message>
    <message>
        <location filename="../../session/running.py" line="109" />
        <source>{0} joined the model list, not saved yet (File › Save model as…)</source>
        <translation>{0} 已加入模型列表，尚未保存（文件 › 模型另存为…）</translation>
    </message>
    <message>
        <location filename="../../session/running.py" line="115" />
        <source>Could not judge {0}: {1}</source>
        <translation>无法评估 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="51" />
        <source>Stop training to save this model</source>
        <translation>停止训练后才能保存这个模型</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="62" />
        <source>Cannot save the model yet</source>
        <translation>暂时无法保存模型</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="75" />
        <source>Saving {0} to {1}…</source>
        <translation>正在把 {0} 保存到 {1}…</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="87" />
        <source>Saved {0} to {1}</source>
        <translation>已把 {0} 保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="93" />
        <source>{0}

{1} is still open: save it somewhere else.</source>
        <translation>{0}

{1} 仍然打开着：请把它保存到别的地方。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="104" />
        <source>Training is running: closing stops it.</source>
        <translation>训练正在进行：关闭窗口会停止训练。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="108" />
        <source>1 trained model is not saved: {1}.</source>
        <translation>有 1 个训练好的模型尚未保存：{1}。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="110" />
        <source>{0} trained models are not saved: {1}.</source>
        <translation>有 {0} 个训练好的模型尚未保存：{1}。</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="40" />
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="41" />
        <source>exactly right</source>
        <translation>完全正确</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="42" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="43" />
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="140" />
        <source>{0} ({1}, {2}-bit)</source>
        <translation>{0}（{1}，{2} 位）</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="157" />
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="160" />
        <source>{0:.2%} exact</source>
        <translation>精确匹配 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="242" />
        <source>{0}; opened without its replay</source>
        <translation>{0}；已打开，但没有它的回放</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="276" />
        <source>Could not open {0}; opened {1} instead</source>
        <translation>无法打开 {0}；改为打开了 {1}</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="301" />
        <source>training {0}</source>
        <translation>正在训练 {0}</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="306" />
        <source>trained {0} #{1}</source>
        <translation>训练好的 {0} #{1}</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="37" />
        <source>Epoch {0} of {1}: this file kept each epoch's error map but not its weights, so the calculator answers with the final model.</source>
        <translation>第 {0} / {1} 轮：这个文件保存了每一轮的错误图，但没有保存权重，所以计算器用最终模型作答。</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="166" />
        <source>{0} · epoch {1}</source>
        <translation>{0} · 第 {1} 轮</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="174" />
        <source>Replaying epoch {0}: judging every pair…</source>
        <translation>正在回放第 {0} 轮：正在评估每个数对…</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="176" />
        <source>Replaying epoch {0}: {1:,} wrong of {2} ({3:.2%} right)</source>
        <translation>正在回放第 {0} 轮：{2}中算错 {1:,} 个（正确率 {3:.2%}）</translation>
    </message>
    <message>
        <location filename="../../session/reports.py" line="27" />
        <source>all {0:,} pairs</source>
        <translation>全部 {0:,} 个数对</translation>
    </message>
    <message>
        <location filename="../../session/reports.py" line="28" />
        <source>{0:,} random pairs (seed {1})</source>
        <translation>{0:,} 个随机数对（随机种子 {1}）</translation>
    </message>
    <message>
        <location filename="../../session/seeds.py" line="118" />
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
</context>
</TS>