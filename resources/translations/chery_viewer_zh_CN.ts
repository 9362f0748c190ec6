<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <source>more than {value}</source>
        <translation>超过{value}</translation>
    </message>
    <message>
        <source>about {value}</source>
        <translation>约{value}</translation>
    </message>
    <message>
        <source>not found in the sources</source>
        <translation>未见于所列来源</translation>
    </message>
    <message>
        <source>{value} over {months} months</source>
        <translation>{months}个月合计{value}</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>up {change} {label}</source>
        <translation>{label}增长{change}</translation>
    </message>
    <message>
        <source>down {change} {label}</source>
        <translation>{label}下降{change}</translation>
    </message>
    <message>
        <source>unchanged {label}</source>
        <translation>{label}持平</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>source {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{first}–{last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>{series} {range}</source>
        <translation>{series}，{range}</translation>
    </message>
    <message>
        <source>{category} {value}</source>
        <translation>{category}：{value}</translation>
    </message>
    <message>
        <source>{series}: {values}</source>
        <translation>{series}：{values}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>highest {category} at {value}</source>
        <translation>最高为{category}，{value}</translation>
    </message>
    <message>
        <source>lowest {category} at {value}</source>
        <translation>最低为{category}，{value}</translation>
    </message>
    <message>
        <source>rising from {first} to {last}</source>
        <translation>从{first}到{last}呈上升</translation>
    </message>
    <message>
        <source>falling from {first} to {last}</source>
        <translation>从{first}到{last}呈下降</translation>
    </message>
    <message>
        <source>{series} {value}</source>
        <translation>{series}{value}</translation>
    </message>
    <message>
        <source>not found in the sources: {categories}</source>
        <translation>未见于所列来源：{categories}</translation>
    </message>
    <message>
        <source>{category} {value}, {share} of the whole</source>
        <translation>{category}：{value}，占总数{share}</translation>
    </message>
    <message>
        <source>{partners} partners in {domains} domains</source>
        <translation>{domains}个领域共{partners}家合作伙伴</translation>
    </message>
    <message>
        <source>{partner} (inferred link)</source>
        <translation>{partner}（推断关联）</translation>
    </message>
    <message>
        <source>{domain}: {partners}</source>
        <translation>{domain}：{partners}</translation>
    </message>
    <message>
        <source>Arrow keys step through the values and series; Enter shows the values as a table</source>
        <translation>方向键逐一浏览数值与系列；按回车键以表格显示数值</translation>
    </message>
    <message>
        <source>{series}, {category}: {value}</source>
        <translation>{series}，{category}：{value}</translation>
    </message>
    <message>
        <source>{text} ({position} of {count})</source>
        <translation>{text}（第{position}项，共{count}项）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联至</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Months covered</source>
        <translation>涵盖月数</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1行</translation>
    </message>
    <message>
        <source>{rows} rows</source>
        <translation>{rows}行</translation>
    </message>
    <message>
        <source>inferred: our reading of the source</source>
        <translation>推断：我们对来源的解读</translation>
    </message>
    <message>
        <source>Data of the chart: {title}</source>
        <translation>图表数据：{title}</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Group sales {year}, back-computed</source>
        <translation>{year}年集团销量（倒推）</translation>
    </message>
    <message>
        <source>Exports {year}, back-computed</source>
        <translation>{year}年出口量（倒推）</translation>
    </message>
    <message>
        <source>Export share of group sales {year}</source>
        <translation>{year}年出口占集团销量比例</translation>
    </message>
    <message>
        <source>Group sales growth {year}, computed</source>
        <translation>{year}年集团销量增速（计算值）</translation>
    </message>
    <message>
        <source>Export growth {year}, computed</source>
        <translation>{year}年出口增速（计算值）</translation>
    </message>
    <message>
        <source>Share of users outside China</source>
        <translation>海外用户占比</translation>
    </message>
    <message>
        <source>Users in China</source>
        <translation>国内用户数</translation>
    </message>
    <message>
        <source>Invention patents granted</source>
        <translation>发明专利授权量</translation>
    </message>
    <message>
        <source>December&apos;s share of {year} sales</source>
        <translation>12月占{year}年全年销量比例</translation>
    </message>
    <message>
        <source>Average month {year}</source>
        <translation>{year}年月均销量</translation>
    </message>
    <message>
        <source>Published: {published}; the back-computed value differs by {difference} ({percent}), within the rounding of the growth rate.</source>
        <translation>公布值：{published}；倒推值与之相差{difference}（{percent}），在增速取整误差范围之内。</translation>
    </message>
    <message>
        <source>Published: {published}; the back-computed value differs by {difference} ({percent}), more than the rounding of the growth rate explains.</source>
        <translation>公布值：{published}；倒推值与之相差{difference}（{percent}），超出增速取整所能解释的范围。</translation>
    </message>
    <message>
        <source>growth rate</source>
        <translation>增速</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points}个百分点</translation>
    </message>
    <message>
        <source>{current} ({current_value}) against {previous} ({previous_value}) gives {change}. The published rate implies a base of about {base}, so the source probably compared with a restated figure.</source>
        <translation>{current}（{current_value}）较{previous}（{previous_value}）的变化为{change}。按公布的增速推算，基数约为{base}，可见来源很可能是与调整后的数字相比。</translation>
    </message>
    <message>
        <source>{period} ({value})</source>
        <translation>{period}（{value}）</translation>
    </message>
    <message>
        <source>sum of periods</source>
        <translation>分期合计</translation>
    </message>
    <message>
        <source>{difference} vehicles</source>
        <translation>{difference}辆</translation>
    </message>
    <message>
        <source>{parts} add up to {sum}, not the published {total}.</source>
        <translation>{parts}合计为{sum}，而非公布的{total}。</translation>
    </message>
    <message>
        <source>Granted patents as a share of applications filed (running totals, not a grant rate)</source>
        <translation>累计授权专利占累计专利申请的比例（非授权率）</translation>
    </message>
    <message>
        <source>No figure in the sources to compare with.</source>
        <translation>所列来源中无可供比较的数字。</translation>
    </message>
    <message>
        <source>{total} less the other periods leaves {needed} for {period}; the published {value} has the same digits with two swapped, a likely cause that no source confirms.</source>
        <translation>{total}减去其余时段后，{period}应为{needed}；公布的{value}数字相同但有两位互换，这可能是原因，但没有来源证实。</translation>
    </message>
    <message>
        <source>derived figure</source>
        <translation>推算数据</translation>
    </message>
    <message>
        <source>The formula {formula} divides by zero with this dataset.</source>
        <translation>在本数据集中，公式{formula}出现除数为零。</translation>
    </message>
    <message>
        <source>The dataset&apos;s value does not follow from its formula {formula}.</source>
        <translation>数据集中的数值与其公式{formula}的计算结果不符。</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>{numerator} ÷ {denominator} does not give the published share.</source>
        <translation>{numerator} ÷ {denominator}的结果与公布的占比不符。</translation>
    </message>
</context>
<context>
    <name>ChartData</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>source id</source>
        <translation>来源编号</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>发布方</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>figure id</source>
        <translation>数据编号</translation>
    </message>
    <message>
        <source>label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>约数</translation>
    </message>
    <message>
        <source>lower bound</source>
        <translation>下限值</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>{kind}, inferred</source>
        <translation>{kind}，推断</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>alliance domain</source>
        <translation>联盟领域</translation>
    </message>
    <message>
        <source>pairing</source>
        <translation>领域归属</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>合作内容</translation>
    </message>
    <message>
        <source>deal year</source>
        <translation>合作年份</translation>
    </message>
    <message>
        <source>Shares of the whole, in {unit}</source>
        <translation>各部分占整体的比例，单位：{unit}</translation>
    </message>
    <message>
        <source>{series}: {unit}</source>
        <translation>{series}：{unit}</translation>
    </message>
    <message>
        <source>Data as of {date}</source>
        <translation>数据截至{date}</translation>
    </message>
    <message>
        <source>Chery Fact Sheet (unofficial, compiled from press reports)</source>
        <translation>奇瑞数据概览（非官方，整理自新闻报道）</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>PNG image size</source>
        <translation>PNG图片尺寸</translation>
    </message>
    <message>
        <source>Larger images stay sharp on slides, in print and on high-resolution screens.</source>
        <translation>尺寸越大，图片在幻灯片、印刷品和高分辨率屏幕上越清晰。</translation>
    </message>
    <message>
        <source>{scale}x: {width} × {height} pixels</source>
        <translation>{scale}倍：{width} × {height}像素</translation>
    </message>
</context>
<context>
    <name>Citations</name>
    <message>
        <source>{date}, inferred</source>
        <translation>{date}，推断</translation>
    </message>
    <message>
        <source>{publisher}, {title}, {date}, {url}</source>
        <translation>{publisher}，{title}，{date}，{url}</translation>
    </message>
    <message>
        <source>{publisher}, {title}, {url}</source>
        <translation>{publisher}，{title}，{url}</translation>
    </message>
    <message>
        <source>Source: {publisher}, {date}</source>
        <translation>来源：{publisher}，{date}</translation>
    </message>
    <message>
        <source>Source: {publisher}</source>
        <translation>来源：{publisher}</translation>
    </message>
    <message>
        <source>{publisher} ({dates})</source>
        <translation>{publisher}（{dates}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>来源：{sources}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>{value} ({period}; derived: {formula})</source>
        <translation>{value}（{period}；推算：{formula}）</translation>
    </message>
    <message>
        <source>{value} ({period})</source>
        <translation>{value}（{period}）</translation>
    </message>
    <message>
        <source>{value} — {citation}</source>
        <translation>{value}——{citation}</translation>
    </message>
    <message>
        <source>[{id}] {citation}</source>
        <translation>[{id}] {citation}</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Chart copied with its values and sources</source>
        <translation>已复制图表及其数值和来源</translation>
    </message>
    <message>
        <source>Chart values copied with their sources</source>
        <translation>已复制图表数值及其来源</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Copy data</source>
        <translation>复制数据</translation>
    </message>
    <message>
        <source>Value copied</source>
        <translation>已复制数值</translation>
    </message>
    <message>
        <source>Citation copied</source>
        <translation>已复制引用</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制数值</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>复制引用</translation>
    </message>
</context>
<context>
    <name>Content</name>
    <message>
        <source>stated</source>
        <translation>公布</translation>
    </message>
    <message>
        <source>{what} {category}: not found in the sources ({na})</source>
        <translation>{what}{category}：未见于所列来源（{na}）</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推断</translation>
    </message>
    <message>
        <source>{label}: {text}</source>
        <translation>{label}：{text}</translation>
    </message>
    <message>
        <source>{date} (inferred from the content)</source>
        <translation>{date}（据内容推断）</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>期间：{period}</translation>
    </message>
    <message>
        <source>Derived: {formula}</source>
        <translation>推算：{formula}</translation>
    </message>
    <message>
        <source>Planned: a target the source announces, not a result achieved.</source>
        <translation>规划：来源公布的目标，并非已实现的结果。</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>published</source>
        <translation>公布</translation>
    </message>
    <message>
        <source>Change: {change} ({how}, {source})</source>
        <translation>变化：{change}（{how}，{source}）</translation>
    </message>
    <message>
        <source> · planned</source>
        <translation> · 规划</translation>
    </message>
    <message>
        <source> · derived</source>
        <translation> · 推算</translation>
    </message>
    <message>
        <source>year on year</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>Inferred: tying this figure to {subject} is our reading.</source>
        <translation>推断：将此数据归于{subject}系我们的解读。</translation>
    </message>
    <message>
        <source>Audit: {finding}</source>
        <translation>审计：{finding}</translation>
    </message>
    <message>
        <source>Every figure in this section</source>
        <translation>本部分全部数据</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source or formula</source>
        <translation>来源或公式</translation>
    </message>
    <message>
        <source>Derived rows are computed from the rows they name; the audit checks them.</source>
        <translation>推算行由其引用的各行计算得出，并经审计核验。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>来源：{sources}</translation>
    </message>
    <message>
        <source>{sources}. {remark}</source>
        <translation>{sources}。{remark}</translation>
    </message>
    <message>
        <source>{name}, {first}–{last}</source>
        <translation>{first}–{last}年{name}</translation>
    </message>
    <message>
        <source>{name} by month and year to date, {year}</source>
        <translation>{year}年{name}：单月及年初至今累计</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>年初至今累计</translation>
    </message>
    <message>
        <source>to date</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Share of the whole: {share}</source>
        <translation>占整体比例：{share}</translation>
    </message>
    <message>
        <source>Group sales</source>
        <translation>集团销量</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>出口量</translation>
    </message>
    <message>
        <source>Sales and exports, {first}–{last}</source>
        <translation>{first}–{last}年销量与出口量</translation>
    </message>
    <message>
        <source>The audit compares every published rate and sub-total with the totals behind them and finds 1 disagreement between the sources; the data audit lists it.</source>
        <translation>审计将每项公布的比率和分项合计与其对应的总量逐一比对，发现各来源之间有1处不一致，详见数据审计。</translation>
    </message>
    <message>
        <source>The audit compares every published rate and sub-total with the totals behind them and finds {count} disagreements between the sources; the data audit lists them.</source>
        <translation>审计将每项公布的比率和分项合计与其对应的总量逐一比对，发现各来源之间有{count}处不一致，详见数据审计。</translation>
    </message>
    <message>
        <source>{year} is the year of record: every headline figure here refers to it unless a period says otherwise.</source>
        <translation>{year}年为报告年度：除注明其他期间外，此处各项核心数据均指该年。</translation>
    </message>
    <message>
        <source>Firsts in {year}</source>
        <translation>{year}年里程碑</translation>
    </message>
    <message>
        <source>Users at home and abroad: the figures</source>
        <translation>国内外用户数据</translation>
    </message>
    <message>
        <source>Figures of this section not listed on the other tabs</source>
        <translation>其他页面未列出的本部分数据</translation>
    </message>
    <message>
        <source>Figures marked ~ are rounded in their source, or computed from rounded figures; &gt; marks a figure the source gives only as a lower bound.</source>
        <translation>标有“约”的数据在来源中为取整数字，或由取整数字计算得出；标有&gt;的数据，来源仅给出下限。</translation>
    </message>
    <message>
        <source>Goals for {year}</source>
        <translation>{year}年目标</translation>
    </message>
    <message>
        <source>Growth on the year before</source>
        <translation>同比增长</translation>
    </message>
    <message>
        <source>In China</source>
        <translation>国内</translation>
    </message>
    <message>
        <source>Outside China</source>
        <translation>海外</translation>
    </message>
    <message>
        <source>{na}: not found in the sources.</source>
        <translation>{na}：未见于所列来源。</translation>
    </message>
    <message>
        <source>Drawn at the average of {average} per month over {months} months.</source>
        <translation>按{months}个月的月均值{average}辆绘制。</translation>
    </message>
    <message>
        <source>In the month</source>
        <translation>单月</translation>
    </message>
    <message>
        <source>pale bars: monthly average of a longer period</source>
        <translation>浅色柱：较长时段的月均值</translation>
    </message>
    <message>
        <source>vehicles per month</source>
        <translation>辆/月</translation>
    </message>
    <message>
        <source>Months without a bar: no single-month figure was found in the sources.</source>
        <translation>无柱的月份：所列来源中未见单月数据。</translation>
    </message>
    <message>
        <source>~{value} million</source>
        <translation>约{value}万</translation>
    </message>
    <message>
        <source>Gaps: not found in the sources.</source>
        <translation>空缺：未见于所列来源。</translation>
    </message>
    <message>
        <source>Users in China and abroad, as reported on {date}</source>
        <translation>国内与海外用户数（{date}报道）</translation>
    </message>
    <message>
        <source>Users in China and abroad</source>
        <translation>国内与海外用户数</translation>
    </message>
    <message>
        <source>Group sales by year</source>
        <translation>集团历年销量</translation>
    </message>
    <message>
        <source>December&apos;s share of the year</source>
        <translation>12月占全年比例</translation>
    </message>
    <message>
        <source>Group sales by month, {year}</source>
        <translation>{year}年集团各月销量</translation>
    </message>
    <message>
        <source>Chery brand and new-energy vehicles by month, {year}</source>
        <translation>{year}年奇瑞品牌与新能源汽车各月销量</translation>
    </message>
    <message>
        <source>{name}: in the month</source>
        <translation>{name}：单月</translation>
    </message>
    <message>
        <source>{name}: to date</source>
        <translation>{name}：累计</translation>
    </message>
    <message>
        <source>{name}: growth to date</source>
        <translation>{name}：累计同比</translation>
    </message>
    <message>
        <source>Some months of {year} appear in the sources only inside multi-month totals; those are drawn as pale bars at their monthly average.</source>
        <translation>{year}年部分月份的数据在所列来源中仅见于多月合计，图中以浅色柱按其月均值绘制。</translation>
    </message>
    <message>
        <source>{figures} cover part of the year: no full-year figure was found in the sources.</source>
        <translation>{figures}仅覆盖该年的部分月份：所列来源中未见全年数据。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>{label}: {value}. {note}</source>
        <translation>{label}：{value}。{note}</translation>
    </message>
    <message>
        <source>Group sales in {year}, the years around it and the months of {year}.</source>
        <translation>{year}年集团销量，以及前后年份和{year}年各月的数据。</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Average month</source>
        <translation>月均销量</translation>
    </message>
    <message>
        <source>Chery brand</source>
        <translation>奇瑞品牌</translation>
    </message>
    <message>
        <source>New-energy vehicles</source>
        <translation>新能源汽车</translation>
    </message>
    <message>
        <source>Other Chinese car exports {year}</source>
        <translation>{year}年中国其他车企出口量</translation>
    </message>
    <message>
        <source>Chery in China&apos;s car exports, {year}</source>
        <translation>{year}年奇瑞在中国汽车出口中的占比</translation>
    </message>
    <message>
        <source>Chery</source>
        <translation>奇瑞</translation>
    </message>
    <message>
        <source>Other Chinese makers</source>
        <translation>中国其他车企</translation>
    </message>
    <message>
        <source>Sales in individual markets (fragments)</source>
        <translation>各市场销量（零散数据）</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Export share of group sales</source>
        <translation>出口占集团销量比例</translation>
    </message>
    <message>
        <source>Exports by year</source>
        <translation>历年出口量</translation>
    </message>
    <message>
        <source>Back-computed from the next year</source>
        <translation>由次年数据倒推</translation>
    </message>
    <message>
        <source>{name} (derived)</source>
        <translation>{name}（推算）</translation>
    </message>
    <message>
        <source>Exports by month, {year}</source>
        <translation>{year}年各月出口量</translation>
    </message>
    <message>
        <source>Growth in the month</source>
        <translation>单月同比</translation>
    </message>
    <message>
        <source>Growth to date</source>
        <translation>累计同比</translation>
    </message>
    <message>
        <source>Other figures of this section</source>
        <translation>本部分其他数据</translation>
    </message>
    <message>
        <source>share of the market</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>vehicles sold in the market</source>
        <translation>当地市场销量</translation>
    </message>
    <message>
        <source>No ranked list of export markets for the year was found; these are the fragments the sources give.</source>
        <translation>未找到该年度出口市场的排名；此处列出的是各来源给出的零散数据。</translation>
    </message>
    <message>
        <source>Exports made up {share} of group sales in {year}.</source>
        <translation>{year}年出口占集团销量的{share}。</translation>
    </message>
    <message>
        <source>Two different shares: {cumulative} is the source&apos;s figure for Chery&apos;s exports summed up to {period}, from a first year it does not give; {share} is our figure for {year} alone ({formula}).</source>
        <translation>两个不同的比例：{cumulative}是来源给出的奇瑞截至{period}的累计出口所占比例，起始年份未注明；{share}是我们推算的{year}年单年比例（{formula}）。</translation>
    </message>
    <message>
        <source>Share of China&apos;s car exports {year}</source>
        <translation>{year}年占中国汽车出口比例</translation>
    </message>
    <message>
        <source>Years as top Chinese-brand exporter</source>
        <translation>连续位居中国品牌出口第一年数</translation>
    </message>
    <message>
        <source>Factory capacity, in operation or planned</source>
        <translation>工厂产能（已投产或规划中）</translation>
    </message>
    <message>
        <source>Granted ÷ filed, running totals</source>
        <translation>累计授权÷累计申请</translation>
    </message>
    <message>
        <source>Chery Group: {partners} named partners in {domains} alliance domains</source>
        <translation>奇瑞集团：{domains}个联盟领域中具名的{partners}家合作伙伴</translation>
    </message>
    <message>
        <source>Counted from the partners table: the partners the sources name, which need not be all of them.</source>
        <translation>按合作伙伴表统计：仅为来源中点名的合作伙伴，未必是全部。</translation>
    </message>
    <message>
        <source>Named partners</source>
        <translation>具名合作伙伴</translation>
    </message>
    <message>
        <source>Months above {mark}</source>
        <translation>月出口超{mark}的月份</translation>
    </message>
    <message>
        <source>Months above the mark</source>
        <translation>月出口超过关口的月份</translation>
    </message>
    <message>
        <source>Vehicles shipped abroad in {year} and the years around it.</source>
        <translation>{year}年及前后年份的出口量。</translation>
    </message>
    <message>
        <source>Cumulative share (source)</source>
        <translation>累计占比（来源）</translation>
    </message>
    <message>
        <source>Models and markets</source>
        <translation>车型与市场</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Patents at the end of {year}</source>
        <translation>截至{year}年底的专利</translation>
    </message>
    <message>
        <source>Inventions</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>Inventions: derived from the granted count and the invention share.</source>
        <translation>发明专利：由授权量与发明专利占比推算。</translation>
    </message>
    <message>
        <source>New-energy vehicle patents</source>
        <translation>新能源汽车专利</translation>
    </message>
    <message>
        <source>The source gives both only as lower bounds.</source>
        <translation>来源对两项均仅给出下限。</translation>
    </message>
    <message>
        <source>Patents, research programmes, factories and the platform behind them.</source>
        <translation>专利、研发计划、工厂及其背后的平台。</translation>
    </message>
    <message>
        <source>Patents filed</source>
        <translation>专利申请量</translation>
    </message>
    <message>
        <source>Patents granted</source>
        <translation>专利授权量</translation>
    </message>
    <message>
        <source>Invention patents</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>{plan} planned investment</source>
        <translation>{plan}计划投入</translation>
    </message>
    <message>
        <source>Factories and platform</source>
        <translation>工厂与平台</translation>
    </message>
    <message>
        <source>Research programmes</source>
        <translation>研发计划</translation>
    </message>
    <message>
        <source>{place} (inferred)</source>
        <translation>{place}（推断）</translation>
    </message>
    <message>
        <source>The invention-patent count is derived from the rounded {share} share, so it is good to about ±{spread}.</source>
        <translation>发明专利数由取整后的占比{share}推算，误差约为±{spread}。</translation>
    </message>
    <message>
        <source>Two sources count research staff differently ({first} and {second}); both are shown.</source>
        <translation>两个来源对研发人员的统计口径不同（{first}和{second}），此处一并列出。</translation>
    </message>
    <message>
        <source>{title}: part of this card is our inference, marked as such.</source>
        <translation>{title}：此卡片部分内容为我们的推断，已作标注。</translation>
    </message>
    <message>
        <source>Alliance domain: {domain}
Partners: {partners}</source>
        <translation>联盟领域：{domain}
合作伙伴：{partners}</translation>
    </message>
    <message>
        <source>year not given</source>
        <translation>未注明年份</translation>
    </message>
    <message>
        <source>{name} ({industry})
Deal ({year}): {deal}
Domain: {domain} ({pairing})
Source: {source}</source>
        <translation>{name}（{industry}）
合作协议（{year}）：{deal}
领域：{domain}（{pairing}）
来源：{source}</translation>
    </message>
    <message>
        <source>Alliance network: Chery, domains, partners</source>
        <translation>联盟网络：奇瑞、领域、合作伙伴</translation>
    </message>
    <message>
        <source>Dashed links: domain pairing inferred from the deal, not stated by a source.</source>
        <translation>虚线：领域归属系根据合作协议推断，并非来源明示。</translation>
    </message>
    <message>
        <source>Partners and their deals</source>
        <translation>合作伙伴及合作协议</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <source>{value} (derived)</source>
        <translation>{value}（推算）</translation>
    </message>
    <message>
        <source>[S…]: the source of the figure; –: none was found in the sources.</source>
        <translation>[S…]：数据来源；–：所列来源中未见该数据。</translation>
    </message>
    <message>
        <source>Growth is on the same months a year before.</source>
        <translation>同比均与上年同期相比。</translation>
    </message>
    <message>
        <source>{label} = {formula}</source>
        <translation>{label} = {formula}</translation>
    </message>
    <message>
        <source>Derived by us: {formulas}.</source>
        <translation>我们推算的数据：{formulas}。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>领域归属</translation>
    </message>
    <message>
        <source>all years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Cross-industry alliances and the companies in them.</source>
        <translation>跨行业联盟及其成员企业。</translation>
    </message>
    <message>
        <source>Alliance domains</source>
        <translation>联盟领域</translation>
    </message>
    <message>
        <source>Deals dated {year}</source>
        <translation>{year}年合作协议</translation>
    </message>
    <message>
        <source>Pairings inferred</source>
        <translation>推断的领域归属</translation>
    </message>
    <message>
        <source>{count} of {total}</source>
        <translation>{total}项中{count}项</translation>
    </message>
    <message>
        <source>No source assigns each partner to one domain; we pair them by the subject of their deal.</source>
        <translation>没有来源将各合作伙伴逐一归入某个领域；我们按其合作协议的内容确定领域归属。</translation>
    </message>
    <message>
        <source>The sources name the partners and the four domains but never say which partner belongs to which domain.</source>
        <translation>各来源列出了合作伙伴和四大领域，但均未说明各合作伙伴分属哪个领域。</translation>
    </message>
    <message>
        <source>Deal years are the years of the deals described; {na} means the source does not date the deal.</source>
        <translation>合作年份指所述合作协议的年份；“{na}”表示来源未注明该合作的时间。</translation>
    </message>
    <message>
        <source>Data audit findings</source>
        <translation>数据审计发现</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Stated</source>
        <translation>公布值</translation>
    </message>
    <message>
        <source>Recomputed</source>
        <translation>重算值</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Each check allows for the rounding of the published figures; a finding means the figures disagree by more than rounding can explain.</source>
        <translation>每项检查均已考虑公布数据的取整误差；列为审计发现，表示数据之间的差异超出了取整所能解释的范围。</translation>
    </message>
    <message>
        <source>Derived figures and their formulas</source>
        <translation>推算数据及其公式</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Computed from the published figures named in the formula; ~ marks a result that inherits rounding.</source>
        <translation>由公式中列出的公布数据计算得出；“约”表示结果沿袭了输入数据的取整误差。</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>alliance domain</source>
        <translation>联盟领域</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>pairing inferred</source>
        <translation>领域归属为推断</translation>
    </message>
    <message>
        <source>pairing stated</source>
        <translation>领域归属有来源明示</translation>
    </message>
    <message>
        <source>{name} ({note})</source>
        <translation>{name}（{note}）</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>{count} sources. Links open in your browser when you click them.</source>
        <translation>共{count}个来源。点击链接即可在浏览器中打开。</translation>
    </message>
    <message>
        <source>Data audit</source>
        <translation>数据审计</translation>
    </message>
    <message>
        <source>Every published growth rate, sub-total, share and derived row was recomputed from the figures it relates, allowing for the rounding of each.</source>
        <translation>每项公布的增速、分项合计、占比和推算行均已根据其所涉及的数据重新计算，并考虑了各数据的取整误差。</translation>
    </message>
    <message>
        <source>1 disagreement found.</source>
        <translation>发现1处不一致。</translation>
    </message>
    <message>
        <source>{count} disagreements found.</source>
        <translation>发现{count}处不一致。</translation>
    </message>
    <message>
        <source>{method} {found}</source>
        <translation>{method}{found}</translation>
    </message>
    <message>
        <source>Chery Fact Sheet, app version {version}</source>
        <translation>奇瑞数据概览，应用版本{version}</translation>
    </message>
    <message>
        <source>Dataset: {title}, data version {version}, as of {date}.</source>
        <translation>数据集：{title}，数据版本{version}，数据截至{date}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{menu} → {item}</source>
        <translation>{menu} → {item}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Copy the chart or KPI card that has the focus, with its sources</source>
        <translation>复制获得焦点的图表或关键指标卡片及其来源</translation>
    </message>
    <message>
        <source>Open a menu, or pick an item in it</source>
        <translation>打开菜单，或选择其中一项</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+带下划线的字母</translation>
    </message>
    <message>
        <source>Move between the controls of a dialog</source>
        <translation>在对话框的各控件之间移动</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <source>Close a dialog, a menu or a tooltip</source>
        <translation>关闭对话框、菜单或提示</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Move between the cards, charts, tables and notes of a page</source>
        <translation>在页面的卡片、图表、表格与注释之间移动</translation>
    </message>
    <message>
        <source>Move inside a table</source>
        <translation>在表格内移动</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>In a chart: the next or previous value, the series above or below</source>
        <translation>图表内：下一个或上一个数值，上方或下方的系列</translation>
    </message>
    <message>
        <source>Left, Right, Up, Down (Home, End)</source>
        <translation>左、右、上、下（Home、End）</translation>
    </message>
    <message>
        <source>In a chart: its values as a table</source>
        <translation>图表内：以表格显示数值</translation>
    </message>
    <message>
        <source>Enter, Alt+Shift+F11</source>
        <translation>回车键、Alt+Shift+F11</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>{figures} figures from {sources} sources.</source>
        <translation>共{figures}项数据，来自{sources}个来源。</translation>
    </message>
    <message>
        <source>An unofficial fact sheet, not affiliated with Chery. It is compiled from press reports, most of which reprint Chery&apos;s own releases; every figure names the report it comes from.</source>
        <translation>本数据概览为非官方资料，与奇瑞无关联。内容整理自新闻报道，其中多数转载奇瑞自身发布的新闻稿；每项数据均注明出处。</translation>
    </message>
    <message>
        <source>Built with PySide6 (Qt), pandas and pyqtgraph.</source>
        <translation>基于 PySide6（Qt）、pandas 和 pyqtgraph 构建。</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Figure</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>{name} · {domain}</source>
        <translation>{name} · {domain}</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>板块</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>条目类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On this tab: {name}</source>
        <translation>本页显示：{name}</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>chery-figures.xlsx</source>
        <translation>奇瑞数据.xlsx</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>chery-figures.csv</source>
        <translation>奇瑞数据.csv</translation>
    </message>
    <message>
        <source>Export the figures shown</source>
        <translation>导出所显示的数据</translation>
    </message>
    <message>
        <source>Figures not written</source>
        <translation>数据未写入</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>All figures</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <source>Every figure, fact and partner of the dataset. Double-click a row to go to the tab that shows it; click a source to open it in Help → Sources.</source>
        <translation>数据集中的每一项数据、事实和合作伙伴。双击一行可转到显示它的标签页；点击来源可在“帮助 → 来源”中打开它。</translation>
    </message>
    <message>
        <source>Search figures, facts and partners…</source>
        <translation>搜索数据、事实和合作伙伴…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部板块</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>&amp;Section:</source>
        <translation>板块(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>来源(&amp;O)：</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>The rows shown, with their sources, as CSV</source>
        <translation>将所显示的行及其来源导出为 CSV</translation>
    </message>
    <message>
        <source>The rows shown, with a sheet of their sources, as an Excel workbook</source>
        <translation>将所显示的行导出为 Excel 工作簿，另附来源工作表</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / {total} 项</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Export chart image…</source>
        <translation>导出图表图片…</translation>
    </message>
    <message>
        <source>Export chart data…</source>
        <translation>导出图表数据…</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>数据截至{date}</translation>
    </message>
    <message>
        <source>Load another data package</source>
        <translation>加载其他数据包</translation>
    </message>
    <message>
        <source>Write the whole fact sheet to PDF</source>
        <translation>将整份事实表导出为 PDF</translation>
    </message>
    <message>
        <source>PNG or SVG of the chart you last pointed at, or the tab&apos;s main chart</source>
        <translation>将最近指向的图表（或当前标签页的主图表）导出为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>CSV of the chart you last pointed at, or the tab&apos;s main chart</source>
        <translation>将最近指向的图表（或当前标签页的主图表）的数据导出为 CSV</translation>
    </message>
    <message>
        <source>Every figure, fact and partner in one table to search, sort and export</source>
        <translation>在一张表中搜索、排序和导出每一项数据、事实和合作伙伴</translation>
    </message>
    <message>
        <source>&amp;Open dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Export chart &amp;image…</source>
        <translation>导出图表图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Export chart &amp;data…</source>
        <translation>导出图表数据(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>All &amp;figures…</source>
        <translation>全部数据(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom i&amp;n</source>
        <translation>放大(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom ou&amp;t</source>
        <translation>缩小(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Data audit</source>
        <translation>数据审计(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>缩放 {percent}%</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Data package (datapackage.json);;JSON files (*.json);;All files (*)</source>
        <translation>数据包 (datapackage.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>data version {version}</source>
        <extracomment>Between two panels built ahead: a pause long enough for the window to paint and answer input (a zero timer would run the next build before the heartbeat of a paint got its turn).</extracomment>
        <translation>数据版本{version}</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Cannot open dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>The dataset was not loaded; the current one stays open.</source>
        <translation>数据集未能加载，当前数据集保持打开。</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>The dataset changed on disk; loading {path}…</source>
        <translation>数据集在磁盘上已更改，正在加载 {path}…</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>Loading cancelled; the dataset shown stays open.</source>
        <translation>已取消加载；当前显示的数据集保持打开。</translation>
    </message>
    <message>
        <source>The dataset changed on disk and no longer loads; the last good version stays shown.</source>
        <translation>数据集在磁盘上已更改，现已无法加载；继续显示最后一个可用版本。</translation>
    </message>
    <message>
        <source>Reloaded {path}: its files changed</source>
        <translation>已重新加载 {path}：其文件已更改</translation>
    </message>
    <message>
        <source>Drop one data package at a time: its folder or its datapackage.json.</source>
        <translation>每次只能拖放一个数据包：其文件夹或其 datapackage.json。</translation>
    </message>
    <message>
        <source>{what}: not a file on this computer; drop a data package folder or its datapackage.json.</source>
        <translation>{what}：不是本机上的文件；请拖放数据包文件夹或其 datapackage.json。</translation>
    </message>
    <message>
        <source>{what}: not a data package; drop its folder or its datapackage.json.</source>
        <translation>{what}：不是数据包；请拖放其文件夹或其 datapackage.json。</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation>没有最近打开的数据集</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>{path}: cannot be shown ({error})</source>
        <translation>{path}：无法显示（{error}）</translation>
    </message>
    <message>
        <source>Loaded {path}</source>
        <translation>已加载：{path}</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>chery-fact-sheet.pdf</source>
        <translation>奇瑞数据概览.pdf</translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation>未能写入 PDF</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <source>Export chart image</source>
        <translation>导出图表图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Image not written</source>
        <translation>未能写入图片</translation>
    </message>
    <message>
        <source>Export chart data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Data not written</source>
        <translation>未能写入数据</translation>
    </message>
    <message>
        <source>About Chery Fact Sheet</source>
        <translation>关于奇瑞数据概览</translation>
    </message>
    <message>
        <source>Fact sheet (2 pages)</source>
        <translation>数据概览（2页）</translation>
    </message>
    <message>
        <source>Full report</source>
        <translation>完整报告</translation>
    </message>
    <message>
        <source>{layout}, PDF (*.pdf)</source>
        <translation>{layout}，PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Document &amp;layout</source>
        <translation>文档版式(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Fact sheet (2 pages)</source>
        <translation>数据概览（2页）(&amp;F)</translation>
    </message>
    <message>
        <source>Full &amp;report</source>
        <translation>完整报告(&amp;R)</translation>
    </message>
    <message>
        <source>What Export PDF, Print and Print preview make</source>
        <translation>导出PDF、打印和打印预览生成的文档</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Partners</name>
    <message>
        <source>industrial internet</source>
        <translation>工业互联网</translation>
    </message>
    <message>
        <source>intelligent solutions</source>
        <translation>智能化解决方案</translation>
    </message>
    <message>
        <source>power battery systems</source>
        <translation>动力电池系统</translation>
    </message>
    <message>
        <source>ecosphere cooperation</source>
        <translation>生态合作</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>来源明示</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推断</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{year}年{month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
    <message>
        <source>{first} {year}–{last} {end_year}</source>
        <translation>{year}年{first}–{end_year}年{last}</translation>
    </message>
    <message>
        <source>H1 {year}</source>
        <translation>{year}年上半年</translation>
    </message>
    <message>
        <source>{first}–{last} {year}</source>
        <translation>{year}年{first}–{last}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Compiled by the Chery Fact Sheet project from press reports; not affiliated with Chery</source>
        <translation>由奇瑞数据概览项目据新闻报道整理；与奇瑞无关联</translation>
    </message>
    <message>
        <source>Sources and audit</source>
        <translation>来源与审计</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title}（续）</translation>
    </message>
    <message>
        <source>Data as of {date}   ·   report year {year}   ·   dataset version {version}   ·   1 source</source>
        <translation>数据截至{date}   ·   报告年度{year}年   ·   数据集版本{version}   ·   1个来源</translation>
    </message>
    <message>
        <source>Data as of {date}   ·   report year {year}   ·   dataset version {version}   ·   {count} sources</source>
        <translation>数据截至{date}   ·   报告年度{year}年   ·   数据集版本{version}   ·   {count}个来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布方</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Every figure, card and partner in this document names one of these sources by its ID.</source>
        <translation>本文件中的每项数据、卡片和合作伙伴均以编号注明其来源。</translation>
    </message>
    <message>
        <source>The {sources} sources behind every figure, the 1 disagreement the audit found between them, and how each derived figure is computed.</source>
        <translation>全部数据所依据的{sources}个来源、审计在其间发现的1处不一致，以及每项推算数据的计算方法。</translation>
    </message>
    <message>
        <source>The {sources} sources behind every figure, the {count} disagreements the audit found between them, and how each derived figure is computed.</source>
        <translation>全部数据所依据的{sources}个来源、审计在其间发现的{count}处不一致，以及每项推算数据的计算方法。</translation>
    </message>
    <message>
        <source>The audit found no disagreement between the sources.</source>
        <translation>审计未发现各来源之间存在不一致。</translation>
    </message>
    <message>
        <source>Data as of {date}</source>
        <translation>数据截至{date}</translation>
    </message>
    <message>
        <source>Results of {year} on one sheet, front and back. Every figure names its source: the ids in brackets are listed on the back.</source>
        <translation>{year}年业绩，一页正反两面。每个数字都注明来源：方括号中的编号列在背面。</translation>
    </message>
    <message>
        <source>Headline figures {year}</source>
        <translation>{year}年主要数字</translation>
    </message>
    <message>
        <source>Sales in {year}</source>
        <translation>{year}年销量</translation>
    </message>
    <message>
        <source>{title}: exports, innovation, partners</source>
        <translation>{title}：出口、创新、合作伙伴</translation>
    </message>
    <message>
        <source>Two different shares. 20% is the base article&apos;s figure for Chery&apos;s exports summed up to 3 Feb 2023 [S1]; ~14.5% is our own figure for 2022 alone: Exports 2022 ÷ China&apos;s car exports 2022 × 100 {cite}.</source>
        <translation>两个不同的占比。20%是基础文章给出的奇瑞截至2023年2月3日累计出口的占比 [S1]；约14.5%是我们计算的2022年单年占比：2022年出口 ÷ 2022年中国汽车出口 × 100 {cite}。</translation>
    </message>
    <message>
        <source>Exports by month, 2022</source>
        <translation>2022年月度出口</translation>
    </message>
    <message>
        <source>Audit: the audit recomputes every published rate and sub-total and finds {count} disagreements between the sources; the full report explains each.</source>
        <translation>审核：重新计算每个公布的增长率和分项合计，发现来源之间有{count}处不一致；完整报告逐一说明。</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Full headlines and addresses of the sources, the data audit and every formula: the full report (chery-viewer --layout report --export-pdf report.pdf).</source>
        <translation>来源的完整标题和网址、数据审核及每个公式：见完整报告（chery-viewer --layout report --export-pdf report.pdf）。</translation>
    </message>
    <message>
        <source>Partners and alliance domains</source>
        <translation>合作伙伴与联盟领域</translation>
    </message>
    <message>
        <source>The base article names {count} partners and {domains} alliance domains [S1]: {names}. It does not say which partner belongs to which domain; the pairings below are our inference from each deal.</source>
        <translation>基础文章列出{count}家合作伙伴和{domains}个联盟领域 [S1]：{names}。文章没有说明每家伙伴属于哪个领域；下表的对应关系是我们根据各项合作推断的。</translation>
    </message>
    <message>
        <source>{date} (inferred)</source>
        <translation>{date}（推断）</translation>
    </message>
    <message>
        <source>{title}  ·  data as of {date}</source>
        <translation>{title}  ·  数据截至{date}</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>背面</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>第{number}页，共{total}页</translation>
    </message>
    <message>
        <source>Chery</source>
        <translation>奇瑞</translation>
    </message>
    <message>
        <source>Chery fact sheet: {title}</source>
        <translation>奇瑞数据概览：{title}</translation>
    </message>
    <message>
        <source>fact sheet</source>
        <translation>数据概览</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>exports</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>innovation</source>
        <translation>创新</translation>
    </message>
    <message>
        <source>partners</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Print fact sheet</source>
        <translation>打印事实表</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>创新</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作伙伴</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>[{id}] {title}
{publisher}, {date}
{url}</source>
        <translation>[{id}] {title}
{publisher}，{date}
{url}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>companies</source>
        <translation>家</translation>
    </message>
    <message>
        <source>domains</source>
        <translation>个领域</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>项</translation>
    </message>
    <message>
        <source>vehicles</source>
        <translation>辆</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>patents</source>
        <translation>件</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>technologies</source>
        <translation>项技术</translation>
    </message>
    <message>
        <source>vehicles a year</source>
        <translation>辆/年</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无数据</translation>
    </message>
</context>
</TS>
