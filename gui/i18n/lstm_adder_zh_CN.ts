<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AutomatonView</name>
    <message>
        <location filename="../automaton_view.py" line="31"/>
        <source>read when this page is open</source>
        <translation>打开此页时读出</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="32"/>
        <source>reading the automaton from every {bits}-bit pair…</source>
        <translation>正在从每一对 {bits} 位数读出自动机…</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="34"/>
        <source>read from the trained model, when training ends</source>
        <translation>训练结束后，从训练好的模型读出</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="37"/>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="38"/>
        <source>a b</source>
        <translation>a b</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="39"/>
        <source>next</source>
        <translation>下一状态</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="40"/>
        <source>sum</source>
        <translation>和位</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="41"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="42"/>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="43"/>
        <source>bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="44"/>
        <source>pairs</source>
        <translation>数对</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="45"/>
        <source>automaton</source>
        <translation>自动机</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="46"/>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="118"/>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="124"/>
        <source>could not read the automaton: {reason}</source>
        <translation>无法读出自动机：{reason}</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="134"/>
        <source>No automaton of a few states: this model reads all of a before any of b, so it must hold a whole operand (2^n values) before it can add.</source>
        <translation>没有只含少数状态的自动机：此模型先读完 a 再读 b，必须先记住整个操作数（2^n 种取值）才能相加。</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="137"/>
        <source>It visits {count} distinct states over every pair (rounded to {decimals} decimals).</source>
        <translation>遍历所有数对，它经过 {count} 个不同的状态（取 {decimals} 位小数）。</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="142"/>
        <source>{states} states, read from {clusters} clusters of h over every {bits}-bit pair</source>
        <translation>{states} 个状态，由每一对 {bits} 位数的 h 聚成的 {clusters} 类读出</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="145"/>
        <source>consistency {share}: {wrong} of {steps} steps go elsewhere than the table says</source>
        <translation>一致率 {share}：{steps} 步中有 {wrong} 步与表格所记的去向不同</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="149"/>
        <source>exact match by width: the automaton against true sums, the network on the same pairs (on fewer where it says so)</source>
        <translation>各位数下的完全正确率：自动机与真实的和比较，网络用同样的数对（注明处用较少的数对）</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="156"/>
        <source>{count} (all)</source>
        <translation>{count}（全部）</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="157"/>
        <source>{count} random</source>
        <translation>{count}（随机）</translation>
    </message>
    <message>
        <location filename="../automaton_view.py" line="160"/>
        <source>{share} on {count}</source>
        <translation>{share}（{count} 对）</translation>
    </message>
</context>
<context>
    <name>BitGrid</name>
    <message>
        <location filename="../bit_grid.py" line="35"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="35"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="36"/>
        <source>Carry</source>
        <translation>进位</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="37"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="38"/>
        <source>True</source>
        <translation>真值</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="162"/>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="300"/>
        <source>bit</source>
        <translation>位</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="376"/>
        <source>bit 2^{k}: P(1) = {p}, predicted {bit} (wrong)</source>
        <translation>第 2^{k} 位：P(1) = {p}，预测为 {bit}（错误）</translation>
    </message>
    <message>
        <location filename="../bit_grid.py" line="378"/>
        <source>bit 2^{k}: P(1) = {p}, predicted {bit} (right)</source>
        <translation>第 2^{k} 位：P(1) = {p}，预测为 {bit}（正确）</translation>
    </message>
</context>
<context>
    <name>CalculatorTab</name>
    <message>
        <location filename="../calculator_tab.py" line="52"/>
        <source>Run the model on numbers of this width</source>
        <translation>让模型计算这个位宽的数</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="170"/>
        <source>width</source>
        <translation>位宽</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="171"/>
        <source>true sum</source>
        <translation>真实的和</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="172"/>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="173"/>
        <source>(its least certain bit)</source>
        <translation>（取最没把握的那一位）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="175"/>
        <source>Predicted cells are shaded by the network&apos;s P(bit = 1); a red outline marks a column where it is wrong. Carry: the true carry into each column.</source>
        <translation>“预测”一行的格子按网络给出的 P(该位 = 1) 着色；红框标出网络算错的列。“进位”一行：进入每一列的真实进位。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="177"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="178"/>
        <source>◀ Previous wrong</source>
        <translation>◀ 上一个错例</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="179"/>
        <source>Next wrong ▶</source>
        <translation>下一个错例 ▶</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="227"/>
        <source>Model: {name} ({encoding}, {bits}-bit)</source>
        <translation>模型：{name}（{encoding}，{bits} 位）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="253"/>
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="253"/>
        <source>✗ wrong</source>
        <translation>✗ 错误</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="256"/>
        <source>the network is right</source>
        <translation>网络算对了</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="257"/>
        <source>the network is wrong: the sum is {sum}</source>
        <translation>网络算错了：正确的和是 {sum}</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="272"/>
        <source>Finding the pairs it gets wrong…</source>
        <translation>正在找出它算错的数对…</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="279"/>
        <source>No wrong pairs: right on {scope}.</source>
        <translation>没有算错的数对：{scope}都算对了。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="280"/>
        <source>{wrong} wrong of {scope} ({exact} right)</source>
        <translation>{scope}中算错 {wrong} 个（正确率 {exact}）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="284"/>
        <source>Wrong pair {place} of {wrong} · {text}</source>
        <translation>第 {place} 个错例，共 {wrong} 个 · {text}</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="292"/>
        <source>all {count} pairs</source>
        <translation>全部 {count} 个数对</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="293"/>
        <source>{count} random pairs (seed {seed})</source>
        <translation>{count} 个随机数对（随机种子 {seed}）</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="302"/>
        <source>{bits} bits</source>
        <translation>{bits} 位</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="311"/>
        <source>The {own}-bit model&apos;s weights, run on {bits}-bit numbers.</source>
        <translation>用 {own} 位模型的权重计算 {bits} 位的数。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="317"/>
        <source>This model reads exactly {bits}-bit numbers, a&apos;s bits then b&apos;s; only a carry (paired-lsb) model can add wider numbers.</source>
        <translation>这个模型只读 {bits} 位的数：先读 a 的各位，再读 b 的各位。只有进位布局（paired-lsb）的模型才能做更宽的加法。</translation>
    </message>
    <message>
        <location filename="../calculator_tab.py" line="320"/>
        <source>Training: the width stays the model&apos;s own.</source>
        <translation>训练中：位宽保持为模型自身的位宽。</translation>
    </message>
</context>
<context>
    <name>CompareTab</name>
    <message>
        <location filename="../compare_tab.py" line="44"/>
        <source>both right</source>
        <translation>两者都对</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="45"/>
        <source>only A right</source>
        <translation>只有 A 对</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="46"/>
        <source>only B right</source>
        <translation>只有 B 对</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="47"/>
        <source>both wrong</source>
        <translation>两者都错</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="49"/>
        <source>Keras models (*.keras *.h5 *.hdf5);;All files (*)</source>
        <translation>Keras 模型 (*.keras *.h5 *.hdf5);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="51"/>
        <source>hover over a map to see a pair; click to send it to the calculator</source>
        <translation>鼠标悬停在任一图上可查看对应的数对；单击可把它送到计算器</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="173"/>
        <source>Open a model to compare</source>
        <translation>打开要比较的模型</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="218"/>
        <source>{side}:</source>
        <translation>{side}：</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="219"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="220"/>
        <source>Open a model file as {side}</source>
        <translation>打开一个模型文件作为 {side}</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="221"/>
        <source>exact match and per-bit accuracy</source>
        <translation>精确匹配率与每位准确率</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="222"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="235"/>
        <source>comparing A and B…</source>
        <translation>正在比较 A 与 B…</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="237"/>
        <source>Open two models to compare them pair by pair: choose one for A and one for B.</source>
        <translation>打开两个模型即可逐个数对比较：为 A 和 B 各选一个。</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="245"/>
        <location filename="../compare_tab.py" line="278"/>
        <source>where they differ</source>
        <translation>两者的差异</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="256"/>
        <source>training loss (log scale)</source>
        <translation>训练损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="263"/>
        <source>{side}: wrong bits</source>
        <translation>{side}：错误位数</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="266"/>
        <source>all {count} pairs</source>
        <translation>全部 {count} 个数对</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="267"/>
        <source>{count} random pairs (seed {seed})</source>
        <translation>{count} 个随机数对（随机种子 {seed}）</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="268"/>
        <source>compared at {bits} bits on {scope}</source>
        <translation>以 {bits} 位比较，覆盖{scope}</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="272"/>
        <source>{name}: {count} ({share})</source>
        <translation>{name}：{count}（{share}）</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="281"/>
        <source>no map: it shows every pair, so at most {bits}-bit models</source>
        <translation>没有误差图：图中要画出每一个数对，所以最多只画 {bits} 位的模型</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="301"/>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="318"/>
        <source>training loss: neither model records its training</source>
        <translation>训练损失：两个模型都没有记录训练过程</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="320"/>
        <source>training loss (log scale); {side} records no training</source>
        <translation>训练损失（对数刻度）；{side} 没有记录训练过程</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="336"/>
        <source>{a} + {b} = {sum} ({set})</source>
        <translation>{a} + {b} = {sum}（{set}）</translation>
    </message>
    <message>
        <location filename="../compare_tab.py" line="337"/>
        <source>{a} + {b} = {sum}: A says {sa} {ma}, B says {sb} {mb} ({set})</source>
        <translation>{a} + {b} = {sum}：A 给出 {sa} {ma}，B 给出 {sb} {mb}（{set}）</translation>
    </message>
</context>
<context>
    <name>ErrorMap</name>
    <message>
        <location filename="../error_map.py" line="76"/>
        <source>wrong bits</source>
        <translation>错误位数</translation>
    </message>
</context>
<context>
    <name>GateView</name>
    <message>
        <location filename="../gate_view.py" line="45"/>
        <source>hover over an image to read a value; click a unit&apos;s row to choose the unit</source>
        <translation>把鼠标移到图上可读出数值；点击某个单元的那一行即可选中该单元</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="47"/>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="48"/>
        <source>carry</source>
        <translation>进位</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="50"/>
        <source>input</source>
        <translation>输入门</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="50"/>
        <source>forget</source>
        <translation>遗忘门</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="51"/>
        <source>candidate</source>
        <translation>候选值</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="51"/>
        <source>output</source>
        <translation>输出门</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="52"/>
        <source>update</source>
        <translation>更新门</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="52"/>
        <source>reset</source>
        <translation>重置门</translation>
    </message>
    <message>
        <location filename="../gate_scales.py" line="45"/>
        <source>gates, 0 to 1</source>
        <translation>门，0 到 1</translation>
    </message>
    <message>
        <location filename="../gate_scales.py" line="46"/>
        <source>tanh, -1 to 1</source>
        <translation>双曲正切型，-1 到 1</translation>
    </message>
    <message>
        <location filename="../gate_scales.py" line="47"/>
        <source>unbounded</source>
        <translation>无界</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="217"/>
        <source>true carry out of step {step}: {carry}</source>
        <translation>第 {step} 步真实的进位输出：{carry}</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="221"/>
        <source>gate {name}, unit {unit}, step {step}: {value}</source>
        <translation>门 {name}，单元 {unit}，第 {step} 步：{value}</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="222"/>
        <source>state {name}, unit {unit}, step {step}: {value}</source>
        <translation>状态 {name}，单元 {unit}，第 {step} 步：{value}</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="254"/>
        <source>cannot show the gates: {reason}</source>
        <translation>无法显示门：{reason}</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="307"/>
        <source>gates and states after each step for {a} + {b} at {bits} bits (the {own}-bit model&apos;s weights)</source>
        <translation>计算 {a} + {b} 时每一步之后的门和状态，按 {bits} 位计算（用 {own} 位模型的权重）</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="311"/>
        <source>gates and states after each step for {a} + {b}</source>
        <translation>计算 {a} + {b} 时每一步之后的门和状态</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="313"/>
        <source>{title}. Under each step: the bit it reads. In this layout the carry has no step of its own.</source>
        <translation>{title}。每一步下方标出该步读入的位。在这种布局里，进位没有单独的一步。</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="315"/>
        <source>{title}. Under each step: a&lt;sub&gt;t&lt;/sub&gt; over b&lt;sub&gt;t&lt;/sub&gt;; under the units: the true carry out of each step.</source>
        <translation>{title}。每一步下方：上为 a&lt;sub&gt;t&lt;/sub&gt;，下为 b&lt;sub&gt;t&lt;/sub&gt;；各单元下方：每一步真实的进位输出。</translation>
    </message>
</context>
<context>
    <name>InsightTab</name>
    <message>
        <location filename="../insight_tab.py" line="53"/>
        <source>wrong bits for every pair</source>
        <translation>每个数对的错误位数</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="54"/>
        <source>hover over the map to see a pair; click to send it to the calculator</source>
        <translation>鼠标悬停在图上可查看对应的数对；单击可把它送到计算器</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="208"/>
        <source>accuracy of each output bit</source>
        <translation>各输出位的准确率</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="209"/>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="210"/>
        <source>Gates</source>
        <translation>门控</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="211"/>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="212"/>
        <source>Automaton</source>
        <translation>自动机</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="241"/>
        <source>replaying epoch {epoch}</source>
        <translation>正在回放第 {epoch} 轮</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="242"/>
        <source>watching training, epoch {epoch}</source>
        <translation>正在观看训练：第 {epoch} 轮</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="247"/>
        <source>no map while training: this run judges a sample only</source>
        <translation>训练期间没有误差图：本次训练只评估抽样的数对</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="250"/>
        <source>this run judges a sample of pairs only, so the map waits for the trained model</source>
        <translation>本次训练只评估抽样的一部分数对，误差图要等模型训练完成后再画</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="274"/>
        <source>could not compute: {reason}</source>
        <translation>无法计算：{reason}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="276"/>
        <source>wrong bits for every pair: could not compute</source>
        <translation>每个数对的错误位数：无法计算</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="285"/>
        <source>wrong bits for every pair: computing…</source>
        <translation>每个数对的错误位数：正在计算…</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="287"/>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="288"/>
        <source>No model: open one from the File menu, or train one.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型，或者训练一个。</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="308"/>
        <source>exact match {exact} of {count} pairs</source>
        <translation>{count} 个数对中精确匹配 {exact}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="310"/>
        <source>{wrong} wrong pairs</source>
        <translation>算错的数对：{wrong} 个</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="315"/>
        <source>unit {unit} knocked out; the intact model: {exact}</source>
        <translation>已敲除单元 {unit}；完整模型：{exact}</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="319"/>
        <source>no map: it shows every pair, so at most {bits}-bit models</source>
        <translation>没有误差图：图中要画出每一个数对，所以最多只画 {bits} 位的模型</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="377"/>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="379"/>
        <source>1 bit wrong</source>
        <translation>错 1 位</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="381"/>
        <source>{wrong} bits wrong</source>
        <translation>错 {wrong} 位</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="383"/>
        <source>{a} + {b} = {sum} ({verdict})</source>
        <translation>{a} + {b} = {sum}（{verdict}）</translation>
    </message>
    <message>
        <location filename="../insight_tab.py" line="385"/>
        <source>{a} + {b} = {sum}, model says {predicted} ({verdict})</source>
        <translation>{a} + {b} = {sum}，模型给出 {predicted}（{verdict}）</translation>
    </message>
</context>
<context>
    <name>KnockoutBar</name>
    <message>
        <location filename="../units_view.py" line="199"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="208"/>
        <source>knocking out unit {unit}…</source>
        <translation>正在敲除单元 {unit}…</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="215"/>
        <source>&lt;b&gt;unit {unit} knocked out&lt;/b&gt; (its h held at {held}, {value}): {broken} pairs broken, &lt;span style=&apos;color:{color}&apos;&gt;marked on the map&lt;/span&gt;</source>
        <translation>&lt;b&gt;已敲除单元 {unit}&lt;/b&gt;（其 h 固定为{held}，{value}）：{broken} 对被破坏，&lt;span style=&apos;color:{color}&apos;&gt;已在图上标出&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="70"/>
        <source>Keras models (*.keras *.h5 *.hdf5);;All files (*)</source>
        <translation>Keras 模型 (*.keras *.h5 *.hdf5);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="72"/>
        <source>The models open in this window</source>
        <translation>这个窗口中打开的模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>No model: open one from the File menu.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <location filename="../main_window.py" line="216"/>
        <source>Export figure…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>Save the figure of this tab as an image: the bit grid, the training curves, or the error map</source>
        <translation>把当前标签页的主图保存为图片：位网格、训练曲线或错误图</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Calculator</source>
        <translation>计算器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Insight</source>
        <translation>洞察</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>Bundled models</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213"/>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>Save model as…</source>
        <translation>模型另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Seed model</source>
        <translation>Seed 模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Carry model</source>
        <translation>Carry 模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>Open the bundled {0} model ({1})</source>
        <translation>打开内置的 {0} 模型（{1}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source> Bundled: </source>
        <translation> 内置： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="265"/>
        <source> Showing {0} · selected: </source>
        <translation> 正在显示 {0} · 已选： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="268"/>
        <source> Model: </source>
        <translation> 模型： </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="344"/>
        <source>Export figure</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>Cannot export the figure</source>
        <translation>无法导出图像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361"/>
        <source>Saved the figure to {0}</source>
        <translation>图像已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="441"/>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <location filename="../i18n.py" line="66"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="67"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RecipeWords</name>
    <message>
        <location filename="../recipe_words.py" line="27"/>
        <source>Cell</source>
        <translation>循环单元</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="28"/>
        <source>Bits per operand</source>
        <translation>每个加数的位数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="29"/>
        <source>LSTM units</source>
        <translation>LSTM 单元数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="30"/>
        <source>Dropout</source>
        <translation>丢弃率（dropout）</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="31"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="32"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="33"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="34"/>
        <source>Held out (fraction)</source>
        <translation>留出比例</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="35"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="36"/>
        <source>Stop when every pair is right</source>
        <translation>所有数对都算对时停止</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="39"/>
        <source>the recurrent layer</source>
        <translation>网络的循环层</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="40"/>
        <source>width of each operand</source>
        <translation>每个加数的位宽</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="41"/>
        <source>size of the LSTM&apos;s state</source>
        <translation>LSTM 状态的大小</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="42"/>
        <source>fraction of the LSTM&apos;s outputs dropped in training</source>
        <translation>训练时丢弃的 LSTM 输出所占的比例</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="44"/>
        <source>step size of the Adam optimiser</source>
        <translation>Adam 优化器的步长</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="45"/>
        <source>pairs per training step</source>
        <translation>每个训练步的数对个数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="46"/>
        <source>passes over the training pairs, at most</source>
        <translation>最多遍历训练数对的次数</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="47"/>
        <source>fraction of the pairs never trained on (up to {0} bits)</source>
        <translation>从不参与训练的数对所占的比例（最多 {0} 位）</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="49"/>
        <source>seed of the weights and of the split</source>
        <translation>初始权重和数据划分的随机种子</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="50"/>
        <source>stop once every pair is exactly right</source>
        <translation>一旦每个数对都完全算对就停止</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="53"/>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="54"/>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="55"/>
        <source>Simple RNN</source>
        <translation>简单 RNN</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="57"/>
        <location filename="../../core/recipes.py" line="75"/>
        <source>one of {0}</source>
        <translation>{0} 之一</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="161"/>
        <source>a whole number {0}</source>
        <translation>一个整数，{0}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="162"/>
        <source>a finite number {0}</source>
        <translation>一个有限的数，{0}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="78"/>
        <source>on or off</source>
        <translation>开或关</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="81"/>
        <source>above {0}</source>
        <translation>大于 {0}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="82"/>
        <source>{0} or more</source>
        <translation>不小于 {0}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="164"/>
        <source>from {0} to {1}</source>
        <translation>从 {0} 到 {1}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="165"/>
        <source>from {0} to below {1}</source>
        <translation>从 {0} 到小于 {1}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="166"/>
        <source>above {0} and to {1}</source>
        <translation>大于 {0} 且不大于 {1}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="167"/>
        <source>above {0} and to below {1}</source>
        <translation>大于 {0} 且小于 {1}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="122"/>
        <source>{0} must be {1}</source>
        <translation>{0}必须是{1}</translation>
    </message>
    <message>
        <location filename="../recipe_words.py" line="58"/>
        <source>{0}: {1}.</source>
        <translation>{0}：{1}。</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../replay.py" line="104"/>
        <source>Play the run&apos;s epochs, about 4 a second</source>
        <translation>逐轮回放这次训练，每秒约 4 轮</translation>
    </message>
    <message>
        <location filename="../replay.py" line="106"/>
        <source>Drag to see the model as it was after each epoch: the calculator, the error map and the state view follow; the right end is the model itself</source>
        <translation>拖动可查看模型在每一轮之后的样子：计算器、错误图和状态视图会随之变化；最右端是模型本身</translation>
    </message>
    <message>
        <location filename="../replay.py" line="109"/>
        <source>Drag to see each epoch&apos;s error map, per-bit accuracy and place on the curves; its weights were not kept (Keep every epoch was off), so the calculator and the state view stay on the model</source>
        <translation>拖动可查看每一轮的错误图、各位准确率和它在曲线上的位置；这些轮的权重没有保留（“保留每一轮”未勾选），所以计算器和状态视图仍停留在模型上</translation>
    </message>
    <message>
        <location filename="../replay.py" line="117"/>
        <source>The run&apos;s epochs appear here as each one ends</source>
        <translation>每一轮结束后，它会出现在这里</translation>
    </message>
    <message>
        <location filename="../replay.py" line="118"/>
        <source>no epoch yet</source>
        <translation>还没有完成的轮次</translation>
    </message>
    <message>
        <location filename="../replay.py" line="120"/>
        <source>This model&apos;s file keeps no epochs to replay: a model trained here replays, and so does its file saved with its epochs</source>
        <translation>这个模型的文件没有保存可回放的轮次：在这里训练的模型可以回放，连同各轮一起保存的文件也可以</translation>
    </message>
    <message>
        <location filename="../replay.py" line="122"/>
        <source>no epochs kept in this file</source>
        <translation>此文件没有保存各轮</translation>
    </message>
    <message>
        <location filename="../replay.py" line="123"/>
        <source>No epochs to replay: train a model, or open one saved with its epochs</source>
        <translation>没有可回放的轮次：请先训练一个模型，或打开一个保存了各轮记录的模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="135"/>
        <source>epoch {0} of {1} · the best epoch, restored as the model</source>
        <translation>第 {0} / {1} 轮 · 最好的一轮，已恢复为模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="138"/>
        <source>epoch {0} of {1} · following the run</source>
        <translation>第 {0} / {1} 轮 · 跟随训练</translation>
    </message>
    <message>
        <location filename="../replay.py" line="139"/>
        <source>epoch {0} of {1} · the final model</source>
        <translation>第 {0} / {1} 轮 · 最终模型</translation>
    </message>
    <message>
        <location filename="../replay.py" line="141"/>
        <source>epoch {0} of {1} · its map only</source>
        <translation>第 {0} / {1} 轮 · 只有错误图</translation>
    </message>
    <message>
        <location filename="../replay.py" line="143"/>
        <source>epoch {0} of {1} · untrained</source>
        <translation>第 {0} / {1} 轮 · 未训练</translation>
    </message>
    <message>
        <location filename="../replay.py" line="145"/>
        <source>epoch {0} of {1}</source>
        <translation>第 {0} / {1} 轮</translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <location filename="../run_state.py" line="28"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="29"/>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="30"/>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="31"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="32"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="33"/>
        <source>exactly right</source>
        <translation>完全正确</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="34"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="35"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="36"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="56"/>
        <source>{0:,} epoch</source>
        <translation>{0:,} 轮</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="57"/>
        <source>{0:,} epochs</source>
        <translation>{0:,} 轮</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="58"/>
        <source>{0:,} batch</source>
        <translation>{0:,} 批</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="59"/>
        <source>{0:,} batches</source>
        <translation>{0:,} 批</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="91"/>
        <source>{0} + {1}/{2}</source>
        <translation>{0} + {1}/{2}</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="92"/>
        <source>{0} and {1} of {2}</source>
        <translation>{0}又 {1}/{2}</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="107"/>
        <source>Training diverged in epoch {0}: the loss is no longer a finite number. The previous model is kept.</source>
        <translation>训练在第 {0} 轮发散：损失不再是有限的数。之前的模型保持不变。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="112"/>
        <source>Stopped by you before the first batch: no new model.</source>
        <translation>你在第一批之前停止了训练：没有新模型。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="114"/>
        <source>Stopped by you after {0}. The model joins the list, marked stopped.</source>
        <translation>你在 {0}之后停止了训练。模型已加入列表，标记为“已停止”。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="119"/>
        <source>Exactly right on all {0:,} pairs after {1}. The model joins the list.</source>
        <translation>训练 {1}后，全部 {0:,} 个数对都完全正确。模型已加入列表。</translation>
    </message>
    <message>
        <location filename="../run_state.py" line="122"/>
        <source>Finished {0}: {1:.1%} exact (best epoch {2}). The model joins the list.</source>
        <translation>已完成 {0}：精确匹配 {1:.1%}（最佳为第 {2} 轮）。模型已加入列表。</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="75"/>
        <source>Pick a recipe and press Start.</source>
        <translation>选一个配方，然后按“开始训练”。</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="354"/>
        <source>Loading TensorFlow…</source>
        <translation>正在加载 TensorFlow…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="355"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="365"/>
        <source>Stopping after this batch…</source>
        <translation>这一批结束后停止…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="405"/>
        <source>Training a {1} model on {0}-bit numbers…</source>
        <translation>正在用 {0} 位的数训练 {1} 模型…</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="416"/>
        <source>epoch {0}/{1} · batch {2}/{3} · ETA {4}</source>
        <translation>第 {0}/{1} 轮 · 第 {2}/{3} 批 · 剩余 {4}</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="425"/>
        <source>Epoch {0}: loss {1:.4g}, exact {2:.1%} ({3:.0f} s)</source>
        <translation>第 {0} 轮：损失 {1:.4g}，精确匹配 {2:.1%}（{3:.0f} 秒）</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="427"/>
        <source>Epoch {0}: loss {1:.4g}, exact {2:.1%}, held-out {4:.1%} ({3:.0f} s)</source>
        <translation>第 {0} 轮：损失 {1:.4g}，精确匹配 {2:.1%}，留出集 {4:.1%}（{3:.0f} 秒）</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="455"/>
        <source>Training failed: {0}</source>
        <translation>训练失败：{0}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="120"/>
        <source>Cannot train the seeds: {0}</source>
        <translation>无法训练这些种子：{0}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="130"/>
        <source>Training {0} seeds of {1}, {2} at a time…</source>
        <translation>正在训练 {1} 的 {0} 个种子，每次 {2} 个…</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="149"/>
        <source>Stopping every seed…</source>
        <translation>正在停止所有种子…</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="153"/>
        <location filename="../seeds_training.py" line="184"/>
        <source>seeds {0}/{1}</source>
        <translation>种子 {0}/{1}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="163"/>
        <source>Seed {0}, epoch {1}: loss {2:.4g}, exact {3:.1%}</source>
        <translation>种子 {0}，第 {1} 轮：损失 {2:.4g}，完全正确 {3:.1%}</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="181"/>
        <source>The models are in {0}.</source>
        <translation>模型保存在 {0}。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="193"/>
        <source>None of the {0} seeds reached 100%.</source>
        <translation>{0} 个种子都没有达到 100%。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="196"/>
        <source>{0} of {1} seeds reached 100%, after {2} epochs.</source>
        <translation>{1} 个种子中有 {0} 个达到 100%，用了 {2} 轮。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="200"/>
        <source>{0} of {1} seeds reached 100%, after {2}–{3} epochs (median {4:g}).</source>
        <translation>{1} 个种子中有 {0} 个达到 100%，用了 {2}–{3} 轮（中位数 {4:g}）。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="204"/>
        <source>Stopped by you: {0}</source>
        <translation>已由你停止：{0}</translation>
    </message>
</context>
<context>
    <name>SeedPlots</name>
    <message>
        <location filename="../seed_plots.py" line="24"/>
        <source>Loss over the seeds</source>
        <translation>各种子的损失</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="25"/>
        <source>Exact match over the seeds</source>
        <translation>各种子的完全正确率</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="26"/>
        <source>each seed</source>
        <translation>每个种子</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="26"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="27"/>
        <source>mean ± std</source>
        <translation>平均 ± 标准差</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="76"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="79"/>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../seed_plots.py" line="80"/>
        <source>fraction right</source>
        <translation>正确比例</translation>
    </message>
</context>
<context>
    <name>StateView</name>
    <message>
        <location filename="../state_view.py" line="36"/>
        <source>h (hidden state)</source>
        <translation>h（隐藏状态）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="37"/>
        <source>c (cell state)</source>
        <translation>c（单元状态）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="44"/>
        <source>finding the carry unit…</source>
        <translation>正在寻找负责进位的单元…</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="45"/>
        <source>the carry unit is looked for once training ends</source>
        <translation>训练结束后再寻找负责进位的单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="47"/>
        <source>the carry unit could not be found</source>
        <translation>没能找到负责进位的单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="48"/>
        <source>the carry unit is looked for in the model itself</source>
        <translation>负责进位的单元要在模型本身中寻找</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="155"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="234"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="245"/>
        <source>cannot show the state: {reason}</source>
        <translation>无法显示状态：{reason}</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="267"/>
        <source>state after each step for {a} + {b} at {bits} bits (the {own}-bit model&apos;s weights)</source>
        <translation>计算 {a} + {b} 时每一步之后的状态，按 {bits} 位计算（用 {own} 位模型的权重）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="271"/>
        <source>state after each step for {a} + {b}</source>
        <translation>计算 {a} + {b} 时每一步之后的状态</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="273"/>
        <source>{title}. Under each step: the bit it reads. In this layout the carry has no step of its own.</source>
        <translation>{title}。每一步下方标出该步读入的位。在这种布局里，进位没有单独的一步。</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="276"/>
        <source>{title} ({wait})</source>
        <translation>{title}（{wait}）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="277"/>
        <source>unit {unit} ({state}) tracks the carry, r = {r}</source>
        <translation>单元 {unit}（{state}）跟踪进位，r = {r}</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="279"/>
        <source>{title}. Under each step: a&lt;sub&gt;t&lt;/sub&gt; over b&lt;sub&gt;t&lt;/sub&gt;. &lt;b&gt;{unit}&lt;/b&gt; (outlined)</source>
        <translation>{title}。每一步下方：上为 a&lt;sub&gt;t&lt;/sub&gt;，下为 b&lt;sub&gt;t&lt;/sub&gt;。&lt;b&gt;{unit}&lt;/b&gt;（已框出）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="292"/>
        <source>unit {unit} ({state})</source>
        <translation>单元 {unit}（{state}）</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="293"/>
        <source>the true carry out</source>
        <translation>真实的进位输出</translation>
    </message>
    <message>
        <location filename="../state_view.py" line="294"/>
        <source>{unit} against {carry}</source>
        <translation>{unit} 对照 {carry}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../plots.py" line="39"/>
        <source>Move the mouse over a plot to read its values.</source>
        <translation>把鼠标移到图上即可读出数值。</translation>
    </message>
    <message>
        <location filename="../plots.py" line="51"/>
        <source>loss (batches)</source>
        <translation>损失（各批）</translation>
    </message>
    <message>
        <location filename="../plots.py" line="53"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../plots.py" line="54"/>
        <source>held-out loss</source>
        <translation>留出集损失</translation>
    </message>
    <message>
        <location filename="../plots.py" line="56"/>
        <source>exact match</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <location filename="../plots.py" line="57"/>
        <source>held-out exact</source>
        <translation>留出集精确匹配</translation>
    </message>
    <message>
        <location filename="../plots.py" line="59"/>
        <source>mean bit accuracy</source>
        <translation>平均位准确率</translation>
    </message>
    <message>
        <location filename="../plots.py" line="287"/>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../plots.py" line="288"/>
        <source>fraction right</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <location filename="../plots.py" line="290"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="291"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../plots.py" line="297"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../plots.py" line="305"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../plots.py" line="305"/>
        <source>Loss · epoch {0}</source>
        <translation>损失 · 第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="489"/>
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="490"/>
        <source>loss {0:.4g}</source>
        <translation>损失 {0:.4g}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="492"/>
        <source>held-out loss {0:.4g}</source>
        <translation>留出集损失 {0:.4g}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="493"/>
        <source>exact {0:.2%}</source>
        <translation>精确匹配 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="495"/>
        <source>held-out exact {0:.2%}</source>
        <translation>留出集精确匹配 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="497"/>
        <source>bit accuracy {0:.2%}</source>
        <translation>位准确率 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../plots.py" line="499"/>
        <source>{0:.1f} s</source>
        <translation>{0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../plots.py" line="505"/>
        <source>No epoch finished yet.</source>
        <translation>还没有完成任何一轮。</translation>
    </message>
    <message>
        <location filename="../plots.py" line="509"/>
        <source>stopped here</source>
        <translation>在这里停止</translation>
    </message>
    <message>
        <location filename="../plots.py" line="510"/>
        <source>an epoch the stop cut short</source>
        <translation>被停止打断的一轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="512"/>
        <source>no epoch finished yet</source>
        <translation>还没有完成任何一轮</translation>
    </message>
    <message>
        <location filename="../plots.py" line="513"/>
        <source>epoch in progress</source>
        <translation>本轮进行中</translation>
    </message>
    <message>
        <location filename="../plots.py" line="514"/>
        <source>epoch {0:.2f}  ·  batch loss {1:.4g}  ·  {2}</source>
        <translation>第 {0:.2f} 轮  ·  批损失 {1:.4g}  ·  {2}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../training_tab.py" line="224"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="225"/>
        <source>Start from</source>
        <translation>起始配方</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="226"/>
        <source>Watch it learn: the Calculator follows this run</source>
        <translation>观看学习过程：计算器跟随这次训练</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="227"/>
        <source>Keep every epoch in the saved file</source>
        <translation>在保存的文件中保留每一轮</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="229"/>
        <source>Save the weights after every epoch with a model trained here, so that every epoch replays in full after reopening the file: about 1 MB an epoch for the seed recipe, 6 KB for carry. The run keeps them in memory too (about 2 MB an epoch for seed). Without it the run and the file keep each epoch&apos;s error map and curves.</source>
        <translation>保存在这里训练的模型时，同时保存每一轮之后的权重，这样重新打开文件后每一轮都能完整回放：seed 配方每轮约 1 MB，carry 约 6 KB。训练过程中这些权重也保留在内存里（seed 每轮约 2 MB）。不勾选时，训练和文件只保留每一轮的错误图和曲线。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="82"/>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="83"/>
        <source>Train this many copies of the recipe, with the random seed above and the seeds after it, each in a process of its own. The plots show every seed and the mean ± std; each model is saved in {0} and joins the model list.</source>
        <translation>用上面的随机种子及其后的种子把这个配方训练这么多份，每份在自己的进程中。图中画出每个种子以及平均 ± 标准差；每个模型保存在 {0}，并加入模型列表。</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="89"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="90"/>
        <source>Train {0} seeds</source>
        <translation>训练 {0} 个种子</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="91"/>
        <source>Log for TensorBoard</source>
        <translation>为 TensorBoard 记录日志</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="92"/>
        <source>Log each run in a folder of its own under {0}, for TensorBoard, with its epochs in a CSV table too</source>
        <translation>把每次训练记录在 {0} 下它自己的文件夹中，供 TensorBoard 使用，各轮数据另存为一张 CSV 表</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="95"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../seeds_training.py" line="98"/>
        <source>Folder for TensorBoard logs</source>
        <translation>TensorBoard 日志的文件夹</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="234"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../training_tab.py" line="253"/>
        <source>{encoding} layout, {loss} loss</source>
        <translation>{encoding} 布局，{loss} 损失</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <location filename="../units_view.py" line="37"/>
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="38"/>
        <source>its mean over every pair and step</source>
        <translation>它在所有数对和所有步上的均值</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="39"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="40"/>
        <source>exact match without it</source>
        <translation>敲除后的完全正确率</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="41"/>
        <source>change, points</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="87"/>
        <source>hold a knocked-out unit&apos;s h at</source>
        <translation>被敲除单元的 h 固定为</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="107"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="108"/>
        <source>Find which units matter</source>
        <translation>找出哪些单元重要</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="121"/>
        <source>could not compute: {reason}</source>
        <translation>无法计算：{reason}</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="123"/>
        <source>knocking out each of {units} units in turn, and judging every pair each time…</source>
        <translation>正在依次敲除 {units} 个单元中的每一个，并每次评判所有数对…</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="126"/>
        <source>Knock each unit out in turn and see which pairs break. Click a unit here or in the States view to knock it out.</source>
        <translation>依次敲除每个单元，看哪些数对会出错。在此处或“状态”视图中点击一个单元即可敲除它。</translation>
    </message>
    <message>
        <location filename="../units_view.py" line="130"/>
        <source>worst first; the intact model: {exact} exact. Click a row to knock that unit out.</source>
        <translation>影响最大的在前；完整模型：{exact} 完全正确。点击一行即可敲除该单元。</translation>
    </message>
</context>
<context>
    <name>WidthView</name>
    <message>
        <location filename="../width_view.py" line="32"/>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="33"/>
        <source>This model reads all of a, then all of b, most significant bit first: a fixed number of steps for a fixed width. It cannot be run on wider numbers.</source>
        <translation>这个模型先读完 a 的所有位，再读 b 的所有位，都从最高位读起：位宽固定，步数也固定，所以不能用在更宽的数上。</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="36"/>
        <source>This layout reads one bit of each number per step, so the same weights add numbers of any width.</source>
        <translation>这种布局每一步从两个数中各读一位，所以同一组权重可以做任意位宽的加法。</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="39"/>
        <source>measured on the trained model, when training ends</source>
        <translation>训练结束后，在训练好的模型上测量</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="41"/>
        <source>measured on the model itself: move the timeline to its right end</source>
        <translation>在模型本身上测量：把时间轴移到最右端</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="70"/>
        <source>wider numbers, same weights</source>
        <translation>更宽的数，同一组权重</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="71"/>
        <location filename="../width_view.py" line="75"/>
        <source>bits</source>
        <translation>位宽</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="71"/>
        <location filename="../width_view.py" line="74"/>
        <source>exact</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="72"/>
        <source>pairs</source>
        <translation>数对</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="110"/>
        <source>{count} (all)</source>
        <translation>{count}（全部）</translation>
    </message>
    <message>
        <location filename="../width_view.py" line="111"/>
        <source>{count} random</source>
        <translation>{count}（随机抽样）</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../core/activations.py" line="86"/>
        <source>{0} {1} is not supported</source>
        <translation>不支持 {0} {1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="28"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="29"/>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="35"/>
        <source>{0} is {1}, not {2}</source>
        <translation>{0} 是 {1}，应为{2}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="52"/>
        <source>one of {0}</source>
        <translation>{0} 之一</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="57"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="63"/>
        <source>a list of objects</source>
        <translation>一个由对象组成的列表</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="99"/>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="101"/>
        <source>it holds {0}, not {1}</source>
        <translation>其内容是{0}，应为{1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="105"/>
        <source>a whole number, 0 or more</source>
        <translation>一个不小于 0 的整数</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="115"/>
        <source>its {0} is damaged: {1}</source>
        <translation>其中的 {0} 已损坏：{1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="133"/>
        <source>{0}: {1} files are only read; models are saved as {2} files (try {3})</source>
        <translation>{0}：{1} 文件只能读取；模型保存为 {2} 文件（可改用 {3}）</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="137"/>
        <location filename="../../core/storage.py" line="229"/>
        <source>{0}: models are saved as {1} files</source>
        <translation>{0}：模型保存为 {1} 文件</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="149"/>
        <source>{0}: the file name is too long ({1} characters; at most {2})</source>
        <translation>{0}：文件名太长（{1} 个字符；最多 {2} 个）</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="158"/>
        <source>{0}: not enough free space in {1} (needs about {2:,.1f} MB, {3:,.1f} MB free)</source>
        <translation>{0}：{1} 中的可用空间不足（约需 {2:,.1f} MB，可用 {3:,.1f} MB）</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="170"/>
        <source>{0}: is not a folder</source>
        <translation>{0}：不是文件夹</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="182"/>
        <source>{0}: is a folder; give a file name ending in {1}</source>
        <translation>{0}：这是一个文件夹；请给出以 {1} 结尾的文件名</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="173"/>
        <location filename="../../core/checks.py" line="186"/>
        <location filename="../../core/storage.py" line="232"/>
        <source>{0}: folder {1} does not exist</source>
        <translation>{0}：文件夹 {1} 不存在</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="189"/>
        <source>{0}: {1} is not a folder</source>
        <translation>{0}：{1} 不是文件夹</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="192"/>
        <source>{0}: exists and is not a regular file</source>
        <translation>{0}：已存在，且不是普通文件</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="211"/>
        <source>{0}: cannot write in {1} ({2})</source>
        <translation>{0}：无法在 {1} 中写入（{2}）</translation>
    </message>
    <message>
        <location filename="../../core/encodings.py" line="170"/>
        <source>input shape {0} fits no known encoding</source>
        <translation>输入形状 {0} 不符合任何已知的编码</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="42"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="315"/>
        <source>{0} {1:g} leaves none of the {2:,} pairs of {3}-bit numbers to train on</source>
        <translation>{0}为 {1:g} 时，{3} 位数的 {2:,} 个数对中没有一个留作训练</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="320"/>
        <source>{0} {1:,} is more than the {2:,} pairs left to train on</source>
        <translation>{0} {1:,} 超过了留作训练的 {2:,} 个数对</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="326"/>
        <source>Training would need about {0} of memory ({1} {2:,}; {3} {4:,}); {5} is available</source>
        <translation>训练约需 {0} 内存（{1} {2:,}；{3} {4:,}），而可用的只有 {5}</translation>
    </message>
    <message>
        <location filename="../../core/recipes.py" line="330"/>
        <source>Training would need about {0} of memory ({1} {2:,}; {3} {4:,}; {6} {7:,}, every one kept); {5} is available</source>
        <translation>训练大约需要 {0} 内存（{1} {2:,}；{3} {4:,}；{6} {7:,}，每一轮都保留）；可用内存为 {5}</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="52"/>
        <source>a replay map is not base64 zlib: {0}</source>
        <translation>一张回放图不是 base64 编码的 zlib 数据：{0}</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="55"/>
        <source>more than {0:,}</source>
        <translation>超过 {0:,}</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="57"/>
        <source>a replay map unpacks to {0} bytes, not {1:,}</source>
        <translation>一张回放图解压后为 {0} 字节，应为 {1:,} 字节</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="73"/>
        <source>its replay is at {0} bits, not 1 to {1}</source>
        <translation>其回放为 {0} 位，应为 1 到 {1} 位</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="76"/>
        <source>its replay is at {0} bits, the model at {1}</source>
        <translation>其回放为 {0} 位，模型却为 {1} 位</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="113"/>
        <source>its kept weights {0} are {1:,} bytes, more than this model&apos;s</source>
        <translation>其保留的权重 {0} 有 {1:,} 字节，超过了这个模型的权重</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="125"/>
        <source>its kept weights are not all finite floats</source>
        <translation>其保留的权重并非全是有限的浮点数</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="200"/>
        <source>{0}: its replay record is damaged ({1})</source>
        <translation>{0}：其回放记录已损坏（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="214"/>
        <source>its replay lists no epochs</source>
        <translation>其回放中没有任何一轮</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="217"/>
        <source>its replay holds {0:,} epochs&apos; maps, more than {1:,} are read</source>
        <translation>其回放含有 {0:,} 轮的图，超过了可读取的 {1:,} 轮</translation>
    </message>
    <message>
        <location filename="../../core/replay.py" line="223"/>
        <source>the kept weights and the replay maps count different epochs</source>
        <translation>保留的权重与回放图的轮数不同</translation>
    </message>
    <message>
        <location filename="../../core/storage.py" line="38"/>
        <source>{0}: not an LSTM adder: {1}</source>
        <translation>{0}：不是 LSTM 加法器：{1}</translation>
    </message>
    <message>
        <location filename="../../core/storage.py" line="165"/>
        <source>{0}: cannot be read as a Keras model ({1})</source>
        <translation>{0}：无法作为 Keras 模型读取（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/storage.py" line="185"/>
        <source>{0}: records encoding {1} but its input shape {2} says {3}</source>
        <translation>{0}：记录的编码为 {1}，但其输入形状 {2} 表明是 {3}</translation>
    </message>
    <message>
        <location filename="../../core/storage.py" line="193"/>
        <source>{0}: output shape {1} does not fit a {2}-bit {3} adder (expected {4})</source>
        <translation>{0}：输出形状 {1} 不符合 {2} 位的 {3} 加法器（应为 {4}）</translation>
    </message>
    <message>
        <location filename="../../core/storage.py" line="235"/>
        <source>{0}: is a folder</source>
        <translation>{0}：这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../core/storage.py" line="243"/>
        <source>{0}: could not save: {1}</source>
        <translation>{0}：无法保存：{1}</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="90"/>
        <source>the Dense head&apos;s activation is {0}, not sigmoid</source>
        <translation>Dense 输出层的激活函数是 {0}，不是 sigmoid</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="97"/>
        <source>its Dense layer does not hold the usual weight arrays</source>
        <translation>其 Dense 层没有通常的权重数组</translation>
    </message>
    <message>
        <location filename="../../core/cells.py" line="95"/>
        <source>a backwards or stateful {0} is not supported</source>
        <translation>不支持反向或有状态的 {0}</translation>
    </message>
    <message>
        <location filename="../../core/cells.py" line="102"/>
        <source>an {0} with {1}</source>
        <translation>{0} 的 {1} 为</translation>
    </message>
    <message>
        <location filename="../../core/cells.py" line="119"/>
        <source>its {0} layer does not hold the usual weight arrays</source>
        <translation>其 {0} 层没有通常的权重数组</translation>
    </message>
    <message>
        <location filename="../../core/cells.py" line="126"/>
        <location filename="../../core/weights.py" line="100"/>
        <source>its weight arrays do not fit together</source>
        <translation>其权重数组彼此不匹配</translation>
    </message>
    <message>
        <location filename="../../core/cells.py" line="292"/>
        <source>a GRU with reset_after {0} is not supported</source>
        <translation>不支持 reset_after 为 {0} 的 GRU</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="136"/>
        <source>not an LSTM adder: its architecture is not a Keras model&apos;s</source>
        <translation>不是 LSTM 加法器：其结构不是 Keras 模型的结构</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="140"/>
        <source>not an LSTM adder: its architecture lists no layers</source>
        <translation>不是 LSTM 加法器：其结构中没有列出任何层</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="148"/>
        <source>no layers</source>
        <translation>没有层</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="149"/>
        <source>not an LSTM adder: it has {0}, not {1} → Dense</source>
        <translation>不是 LSTM 加法器：它的层是 {0}，而不是 {1} → Dense</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="157"/>
        <source>not an LSTM adder: its input is not a sequence of bits</source>
        <translation>不是 LSTM 加法器：其输入不是位序列</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="161"/>
        <source>not an LSTM adder: its input has {0} steps, not 1 to {1} ({2}-bit numbers at most)</source>
        <translation>不是 LSTM 加法器：其输入有 {0} 步，应为 1 到 {1} 步（最多 {2} 位的数）</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="165"/>
        <source>not an LSTM adder: its input has {0} features a step, not 1 or 2</source>
        <translation>不是 LSTM 加法器：其输入每步有 {0} 个特征，应为 1 或 2 个</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="172"/>
        <source>its {0} has {1} units, not 1 to {2:,}</source>
        <translation>其 {0} 有 {1} 个单元，应为 1 到 {2:,} 个</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="176"/>
        <source>its Dense head has {0} outputs, not 1 to {1}</source>
        <translation>其 Dense 输出层有 {0} 个输出，应为 1 到 {1} 个</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="180"/>
        <source>its {0:,}-unit {1} needs {2:,.0f} MB of weights, more than the {3} MB read</source>
        <translation>其 {0:,} 个单元的 {1} 需要 {2:,.0f} MB 权重，超过了可读取的 {3} MB</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="193"/>
        <source>its weights have no {0}</source>
        <translation>其权重中没有 {0}</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="196"/>
        <source>its weights link {0} elsewhere ({1}); links are not followed</source>
        <translation>其权重把 {0} 链接到别处（{1}）；链接不会被跟随</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="208"/>
        <source>its {0} layer holds {1} weight arrays, not {2}</source>
        <translation>其 {0} 层有 {1} 个权重数组，应为 {2} 个</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="215"/>
        <source>its {0} weights {1} are not an array</source>
        <translation>其 {0} 权重 {1} 不是数组</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="218"/>
        <source>its {0} weights {1} are stored in other files; they are not read</source>
        <translation>其 {0} 权重 {1} 存放在其他文件中；不会读取</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="222"/>
        <source>its {0} weights hold {1} numbers, not floats</source>
        <translation>其 {0} 权重是 {1} 类型的数，不是浮点数</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="225"/>
        <source>its {0} weights are {1}, not the {2} its architecture declares</source>
        <translation>其 {0} 权重的形状是 {1}，而不是其结构声明的 {2}</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="237"/>
        <source>its {0} weights hold NaN or infinite numbers</source>
        <translation>其 {0} 权重中有 NaN 或无穷大的数</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="254"/>
        <source>not an LSTM adder: its weights hold no single {0} and Dense</source>
        <translation>不是 LSTM 加法器：其权重中没有恰好一个 {0} 层和一个 Dense 层</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="272"/>
        <source>its weights have no layer {0}</source>
        <translation>其权重中没有层 {0}</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="286"/>
        <location filename="../../core/weights.py" line="410"/>
        <source>its {0} is {1:,} bytes, more than the {2:,} read</source>
        <translation>其 {0} 有 {1:,} 字节，超过了可读取的 {2:,} 字节</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="292"/>
        <source>its {0} is more than the {1:,} bytes read</source>
        <translation>其 {0} 超过了可读取的 {1:,} 字节</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="357"/>
        <source>not a Keras model: the zip holds no config.json and weights</source>
        <translation>不是 Keras 模型：zip 中没有 config.json 和权重</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="399"/>
        <source>it is more than the {0:,} bytes its network needs</source>
        <translation>文件超过了其网络所需的 {0:,} 字节</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="407"/>
        <source>not a Keras model: the HDF5 file has no model_config</source>
        <translation>不是 Keras 模型：HDF5 文件中没有 model_config</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="443"/>
        <source>its {0} is not JSON ({1})</source>
        <translation>其 {0} 不是 JSON（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="452"/>
        <source>{0}: is a folder, not a model file</source>
        <translation>{0}：这是一个文件夹，不是模型文件</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="455"/>
        <source>{0}: no such file</source>
        <translation>{0}：没有这个文件</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="458"/>
        <source>{0}: not a model file (expected {1})</source>
        <translation>{0}：不是模型文件（应为 {1}）</translation>
    </message>
    <message>
        <location filename="../../core/weights.py" line="483"/>
        <source>{0}: cannot be read as a model file ({1})</source>
        <translation>{0}：无法作为模型文件读取（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/words.py" line="92"/>
        <source>{0} or {1}</source>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <location filename="../../core/logdir.py" line="40"/>
        <source>{0}: folder {1} is not writable</source>
        <translation>{0}：文件夹 {1} 不可写入</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../export.py" line="38"/>
        <source>{0}: figures are saved as {1} files</source>
        <translation>{0}：图像只能保存为 {1} 文件</translation>
    </message>
    <message>
        <location filename="../export.py" line="39"/>
        <source>There is no figure on show to export</source>
        <translation>当前没有可导出的图像</translation>
    </message>
    <message>
        <location filename="../export.py" line="40"/>
        <source>The figure could not be drawn as a PNG image</source>
        <translation>无法把图像绘制为 PNG 图片</translation>
    </message>
    <message>
        <location filename="../export.py" line="41"/>
        <source>The figure could not be drawn as an SVG image</source>
        <translation>无法把图像绘制为 SVG 图片</translation>
    </message>
    <message>
        <location filename="../export.py" line="42"/>
        <source>{0}: folder {1} does not exist</source>
        <translation>{0}：文件夹 {1} 不存在</translation>
    </message>
    <message>
        <location filename="../export.py" line="43"/>
        <source>{0}: could not save the figure: {1}</source>
        <translation>{0}：无法保存图像：{1}</translation>
    </message>
    <message>
        <location filename="../export.py" line="44"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../export.py" line="45"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
</context>
<context>
    <name>saving</name>
    <message>
        <location filename="../saving.py" line="22"/>
        <source>Keras models (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <location filename="../saving.py" line="44"/>
        <source>Save {0} as</source>
        <translation>将 {0} 另存为</translation>
    </message>
    <message>
        <location filename="../saving.py" line="58"/>
        <source>Save before closing?</source>
        <translation>关闭前要保存吗？</translation>
    </message>
    <message>
        <location filename="../saving.py" line="60"/>
        <source>Close LSTM Adder?</source>
        <translation>关闭 LSTM Adder？</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <location filename="../../session/on_show.py" line="29"/>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../session/on_show.py" line="101"/>
        <source>Could not judge the pairs: {0}</source>
        <translation>无法评估这些数对：{0}</translation>
    </message>
    <message>
        <location filename="../../session/watching.py" line="21"/>
        <source>No model: open one from the File menu, or train one.</source>
        <translation>没有模型：请从“文件”菜单打开一个模型，或者训练一个。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="29"/>
        <source>Only Keras can write this model, and Keras is training: stop training to save it.</source>
        <translation>只有 Keras 能写出这个模型，而 Keras 正在训练：请先停止训练再保存。</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="22"/>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="32"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="35"/>
        <source>No model yet ({0} not found). Open a model file, or train one in the Training tab.</source>
        <translation>还没有模型（找不到 {0}）。请打开一个模型文件，或者在“训练”标签页训练一个。</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="48"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="89"/>
        <source>Opened {0} from {1}</source>
        <translation>已从 {1} 打开 {0}</translation>
    </message>
    <message>
        <location filename="../../session/opening.py" line="91"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../session/watching.py" line="45"/>
        <source>Watching training: epoch {0}, {1:.1%} exact</source>
        <translation>正在观看训练：第 {0} 轮，精确匹配 {1:.1%}</translation>
    </message>
    <message>
        <location filename="../../session/running.py" line="109"/>
        <source>{0} joined the model list, not saved yet (File › Save model as…)</source>
        <translation>{0} 已加入模型列表，尚未保存（文件 › 模型另存为…）</translation>
    </message>
    <message>
        <location filename="../../session/running.py" line="115"/>
        <source>Could not judge {0}: {1}</source>
        <translation>无法评估 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="33"/>
        <source>Saved {0} to {1}, replacing a file that another program wrote there meanwhile</source>
        <translation>已把 {0} 保存到 {1}，替换了其间另一个程序写到那里的文件</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="58"/>
        <source>Stop training to save this model</source>
        <translation>停止训练后才能保存这个模型</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="69"/>
        <source>Cannot save the model yet</source>
        <translation>暂时无法保存模型</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="88"/>
        <source>Saving {0} to {1}…</source>
        <translation>正在把 {0} 保存到 {1}…</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="103"/>
        <source>Saved {0} to {1}</source>
        <translation>已把 {0} 保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="109"/>
        <source>{0}

{1} is still open: save it somewhere else.</source>
        <translation>{0}

{1} 仍然打开着：请把它保存到别的地方。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="120"/>
        <source>Training is running: closing stops it.</source>
        <translation>训练正在进行：关闭窗口会停止训练。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="124"/>
        <source>1 trained model is not saved: {1}.</source>
        <translation>有 1 个训练好的模型尚未保存：{1}。</translation>
    </message>
    <message>
        <location filename="../../session/saving.py" line="126"/>
        <source>{0} trained models are not saved: {1}.</source>
        <translation>有 {0} 个训练好的模型尚未保存：{1}。</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="41"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="42"/>
        <source>exactly right</source>
        <translation>完全正确</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="43"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="44"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="141"/>
        <source>{0} ({1}, {2}-bit)</source>
        <translation>{0}（{1}，{2} 位）</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="158"/>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="161"/>
        <source>{0:.2%} exact</source>
        <translation>精确匹配 {0:.2%}</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="240"/>
        <source>{0}; opened without its replay</source>
        <translation>{0}；已打开，但没有它的回放</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="273"/>
        <source>Could not open {0}; opened {1} instead</source>
        <translation>无法打开 {0}；改为打开了 {1}</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="277"/>
        <source>no model file to open</source>
        <translation>没有可打开的模型文件</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="299"/>
        <source>training {0}</source>
        <translation>正在训练 {0}</translation>
    </message>
    <message>
        <location filename="../../session/open_models.py" line="304"/>
        <source>trained {0} #{1}</source>
        <translation>训练好的 {0} #{1}</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="44"/>
        <source>Epoch {0} of {1}: this file kept each epoch&apos;s error map but not its weights, so the calculator answers with the final model.</source>
        <translation>第 {0} / {1} 轮：这个文件保存了每一轮的错误图，但没有保存权重，所以计算器用最终模型作答。</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="47"/>
        <source>Epoch {0} of {1}: this run did not keep its epochs&apos; weights (Keep every epoch was off), so its map and curves are shown while {2} answers.</source>
        <translation>第 {0} / {1} 轮：这次训练没有保留每一轮的权重（“保留每一轮”未勾选），所以这里显示它的错误图和曲线，由 {2} 作答。</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="181"/>
        <source>{0} · epoch {1}</source>
        <translation>{0} · 第 {1} 轮</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="198"/>
        <source>Replaying epoch {0}: judging every pair…</source>
        <translation>正在回放第 {0} 轮：正在评估每个数对…</translation>
    </message>
    <message>
        <location filename="../../session/replay.py" line="200"/>
        <source>Replaying epoch {0}: {1:,} wrong of {2} ({3:.2%} right)</source>
        <translation>正在回放第 {0} 轮：{2}中算错 {1:,} 个（正确率 {3:.2%}）</translation>
    </message>
    <message>
        <location filename="../../session/reports.py" line="27"/>
        <source>all {0:,} pairs</source>
        <translation>全部 {0:,} 个数对</translation>
    </message>
    <message>
        <location filename="../../session/reports.py" line="28"/>
        <source>{0:,} random pairs (seed {1})</source>
        <translation>{0:,} 个随机数对（随机种子 {1}）</translation>
    </message>
    <message>
        <location filename="../../session/comparing.py" line="36"/>
        <source>Cannot compare: A reads only {0}-bit numbers and B only {1}-bit ones; only a carry (paired-lsb) model can change width</source>
        <translation>无法比较：A 只能读 {0} 位的数，B 只能读 {1} 位的数；只有 carry（paired-lsb）模型能改变位宽</translation>
    </message>
    <message>
        <location filename="../../session/comparing.py" line="39"/>
        <source>Could not compare: {0}</source>
        <translation>无法比较：{0}</translation>
    </message>
    <message>
        <location filename="../../session/seeds.py" line="118"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
</context>
</TS>
