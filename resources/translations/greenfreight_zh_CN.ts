<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>gf::app::LayerLoader</name>
    <message>
        <source>District boundary</source>
        <translation>区界</translation>
    </message>
    <message>
        <source>Land parcels</source>
        <translation>地块（土地利用）</translation>
    </message>
    <message>
        <source>Control lines</source>
        <translation>三条控制线</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Existing outlets</source>
        <translation>现有网点</translation>
    </message>
    <message>
        <source>Freight demand</source>
        <translation>货运需求</translation>
    </message>
    <message>
        <source>Freight hubs</source>
        <translation>货运枢纽</translation>
    </message>
    <message>
        <source>Planned stations</source>
        <translation>规划站点</translation>
    </message>
    <message>
        <source>Demand assignment</source>
        <translation>需求分配</translation>
    </message>
    <message>
        <source>Allocation lines</source>
        <translation>服务连线</translation>
    </message>
</context>
<context>
    <name>gf::app::MainWindow</name>
    <message>
        <source>GreenFreight Planner</source>
        <translation>绿色货运配送设施规划</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project GeoPackage (roads, parcels, demand, outlets, hubs)</source>
        <translation>打开项目 GeoPackage（道路、地块、需求、网点、枢纽）</translation>
    </message>
    <message>
        <source>&amp;Plan Stations</source>
        <translation>站点选址(&amp;P)</translation>
    </message>
    <message>
        <source>Site end-point joint distribution stations on the road network</source>
        <translation>基于路网为末端共同配送站选址</translation>
    </message>
    <message>
        <source>&amp;Cancel Plan</source>
        <translation>取消选址(&amp;C)</translation>
    </message>
    <message>
        <source>Zoom &amp;Full</source>
        <translation>全图显示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Station Plan</source>
        <translation>站点选址</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation>规划(&amp;L)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Planning… %p%</source>
        <translation>正在选址… %p%</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>“%1” is not a GeoPackage with map layers that can be read.</source>
        <translation>“%1”不是包含可读取图层的 GeoPackage 文件。</translation>
    </message>
    <message>
        <source>%1 — GreenFreight Planner</source>
        <translation>%1 — 绿色货运配送设施规划</translation>
    </message>
    <message>
        <source>Some layers could not be read</source>
        <translation>部分图层无法读取</translation>
    </message>
    <message>
        <source>Cannot plan</source>
        <translation>无法选址</translation>
    </message>
    <message>
        <source>The output folder “%1” cannot be created. Choose another folder in the plan panel.</source>
        <translation>无法创建输出文件夹“%1”。请在选址面板中另选文件夹。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage 文件 (*.gpkg)</translation>
    </message>
    <message>
        <source>Coordinate %1, %2</source>
        <translation>坐标 %1, %2</translation>
    </message>
    <message>
        <source>No CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>Plan canceled</source>
        <translation>选址已取消</translation>
    </message>
    <message>
        <source>The map is unchanged.</source>
        <translation>地图保持不变。</translation>
    </message>
    <message>
        <source>Plan failed</source>
        <translation>选址失败</translation>
    </message>
    <message>
        <source>The plan was written to “%1” but its layers cannot be read.</source>
        <translation>方案已写入“%1”，但其图层无法读取。</translation>
    </message>
    <message numerus="yes">
        <source>Plan: %n station(s)</source>
        <translation>
            <numerusform>方案：%n 个站点</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan written</source>
        <translation>方案已保存</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n station(s)&lt;/b&gt; for %1 demand points</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个站点&lt;/b&gt;，服务 %1 个需求点</numerusform>
        </translation>
    </message>
    <message>
        <source>Assigned: %1 of %2 demand points</source>
        <translation>已分配：%1 / %2 个需求点</translation>
    </message>
    <message>
        <source>Within %1 m: %2 % of parcels, %3 % of points</source>
        <translation>%1 米内覆盖：件量 %2 %，需求点 %3 %</translation>
    </message>
    <message>
        <source>Network distance: mean %1 m, max %2 m</source>
        <translation>路网距离：平均 %1 米，最大 %2 米</translation>
    </message>
    <message>
        <source>Written to &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>已写入 &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>gf::app::PlanPanel</name>
    <message numerus="yes">
        <source>Zhangdian district (%n station(s))</source>
        <translation>
            <numerusform>张店区（%n 个站点）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linzi district (%n station(s))</source>
        <translation>
            <numerusform>临淄区（%n 个站点）</numerusform>
        </translation>
    </message>
    <message>
        <source>Programme targets of the district work plan</source>
        <translation>区级实施方案的建设目标</translation>
    </message>
    <message>
        <source>Number of end-point joint distribution stations to site</source>
        <translation>需选址的末端共同配送站数量</translation>
    </message>
    <message>
        <source>Folder where the plan GeoPackage is written</source>
        <translation>方案 GeoPackage 的保存文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点数</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
</context>
<context>
    <name>gf::app::PlanTask</name>
    <message numerus="yes">
        <source>Planning %n station(s)</source>
        <translation>
            <numerusform>正在为 %n 个站点选址</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gf::gis::PlanReport</name>
    <message>
        <source>Available charging piles</source>
        <translation>可用充电桩</translation>
    </message>
    <message>
        <source>CNY/day</source>
        <translation>元/日</translation>
    </message>
    <message>
        <source>CO2 emissions, plan</source>
        <translation>二氧化碳排放（规划）</translation>
    </message>
    <message>
        <source>CO2 emissions, status quo</source>
        <translation>二氧化碳排放（现状）</translation>
    </message>
    <message>
        <source>Capacity (t/day)</source>
        <translation>能力（吨/日）</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>服务对象数</translation>
    </message>
    <message>
        <source>Cost of the centre tier</source>
        <translation>配送中心层成本</translation>
    </message>
    <message>
        <source>Customers of the end stations</source>
        <translation>末端配送站服务客户数</translation>
    </message>
    <message>
        <source>Deliveries served by loading bays</source>
        <translation>装卸车位服务配送量</translation>
    </message>
    <message>
        <source>Delivery vehicles, plan</source>
        <translation>配送车辆数（规划）</translation>
    </message>
    <message>
        <source>Delivery vehicles, status quo</source>
        <translation>配送车辆数（现状）</translation>
    </message>
    <message>
        <source>Energy per unit turnover, plan</source>
        <translation>单位周转量能耗（规划）</translation>
    </message>
    <message>
        <source>Energy per unit turnover, status quo</source>
        <translation>单位周转量能耗（现状）</translation>
    </message>
    <message>
        <source>Energy use, plan</source>
        <translation>能源消耗（规划）</translation>
    </message>
    <message>
        <source>Energy use, status quo</source>
        <translation>能源消耗（现状）</translation>
    </message>
    <message>
        <source>Freight hub</source>
        <translation>依托货运枢纽</translation>
    </message>
    <message>
        <source>Freight turnover, plan</source>
        <translation>货物周转量（规划）</translation>
    </message>
    <message>
        <source>Freight turnover, status quo</source>
        <translation>货物周转量（现状）</translation>
    </message>
    <message>
        <source>Land use code</source>
        <translation>用地代码</translation>
    </message>
    <message>
        <source>Large customers delivered from centres</source>
        <translation>由配送中心直送的大客户数</translation>
    </message>
    <message>
        <source>Lower bound of the centre tier cost</source>
        <translation>配送中心层成本下界</translation>
    </message>
    <message>
        <source>NEV delivery vehicles charging at piles</source>
        <translation>在桩充电的新能源配送车辆</translation>
    </message>
    <message>
        <source>NEV delivery vehicles, plan</source>
        <translation>新能源配送车辆数（规划）</translation>
    </message>
    <message>
        <source>NEV delivery vehicles, status quo</source>
        <translation>新能源配送车辆数（现状）</translation>
    </message>
    <message>
        <source>Optimality gap of the centre tier</source>
        <translation>配送中心层最优性差距</translation>
    </message>
    <message>
        <source>Parcel area (m²)</source>
        <translation>地块面积（平方米）</translation>
    </message>
    <message>
        <source>Throughput (t/day)</source>
        <translation>吞吐量（吨/日）</translation>
    </message>
    <message>
        <source>Transport cost, plan</source>
        <translation>运输成本（规划）</translation>
    </message>
    <message>
        <source>Transport cost, status quo</source>
        <translation>运输成本（现状）</translation>
    </message>
    <message>
        <source>Upper bound of deliveries served by loading bays</source>
        <translation>装卸车位服务配送量上界</translation>
    </message>
    <message>
        <source>Vehicle kilometres, plan</source>
        <translation>车辆行驶里程（规划）</translation>
    </message>
    <message>
        <source>Vehicle kilometres, status quo</source>
        <translation>车辆行驶里程（现状）</translation>
    </message>
    <message>
        <source>Vehicle load factor, plan</source>
        <translation>车辆装载率（规划）</translation>
    </message>
    <message>
        <source>Vehicle load factor, status quo</source>
        <translation>车辆装载率（现状）</translation>
    </message>
    <message>
        <source>kWh/(t·km)</source>
        <translation>千瓦时/(吨·公里)</translation>
    </message>
    <message>
        <source>kWh/day</source>
        <translation>千瓦时/日</translation>
    </message>
    <message>
        <source>kg/day</source>
        <translation>千克/日</translation>
    </message>
    <message>
        <source>km/day</source>
        <translation>公里/日</translation>
    </message>
    <message>
        <source>parcels/day</source>
        <translation>件/日</translation>
    </message>
    <message>
        <source>t/day</source>
        <translation>吨/日</translation>
    </message>
    <message>
        <source>t·km/day</source>
        <translation>吨·公里/日</translation>
    </message>
    <message>
        <source>N
↑</source>
        <translation>北
↑</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>End joint distribution stations</source>
        <translation>末端共同配送站</translation>
    </message>
    <message>
        <source>Demand points</source>
        <translation>需求点</translation>
    </message>
    <message>
        <source>Demand points assigned to a station</source>
        <translation>已分配到配送站的需求点</translation>
    </message>
    <message>
        <source>Service radius</source>
        <translation>服务半径</translation>
    </message>
    <message>
        <source>Demand points within the service radius</source>
        <translation>服务半径内需求点覆盖率</translation>
    </message>
    <message>
        <source>Parcels within the service radius</source>
        <translation>服务半径内件量覆盖率</translation>
    </message>
    <message>
        <source>Mean delivery distance</source>
        <translation>平均配送距离</translation>
    </message>
    <message>
        <source>Maximum delivery distance</source>
        <translation>最大配送距离</translation>
    </message>
    <message>
        <source>Parcel-weighted delivery distance</source>
        <translation>件量加权配送距离</translation>
    </message>
    <message>
        <source>Lower bound of the weighted distance</source>
        <translation>加权配送距离下界</translation>
    </message>
    <message>
        <source>Optimality gap</source>
        <translation>最优性差距</translation>
    </message>
    <message>
        <source>Proven optimal</source>
        <translation>已证明最优</translation>
    </message>
    <message>
        <source>Computation canceled</source>
        <translation>计算已取消</translation>
    </message>
    <message>
        <source>Scenario revision</source>
        <translation>情景版本</translation>
    </message>
    <message>
        <source>Transport cost reduction</source>
        <translation>运输成本降低</translation>
    </message>
    <message>
        <source>Energy per unit turnover reduction</source>
        <translation>单位周转量能耗降低</translation>
    </message>
    <message>
        <source>Vehicle utilisation increase</source>
        <translation>车辆利用率提升</translation>
    </message>
    <message>
        <source>NEV delivery vehicles per charging pile</source>
        <translation>新能源配送车辆与充电桩之比</translation>
    </message>
    <message>
        <source>Curbside loading bays</source>
        <translation>路内限时装卸车位</translation>
    </message>
    <message>
        <source>Joint distribution share of large supermarkets and chain stores</source>
        <translation>大型商超及连锁门店共同配送比例</translation>
    </message>
    <message>
        <source>Charging piles reserved underground at centres</source>
        <translation>配送中心地下车库预留充电桩</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个</translation>
    </message>
    <message>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <source>parcel·m/day</source>
        <translation>件·米/日</translation>
    </message>
    <message>
        <source>Community service station</source>
        <translation>社区服务站</translation>
    </message>
    <message>
        <source>Convenience store</source>
        <translation>便利店</translation>
    </message>
    <message>
        <source>Express pick-up point</source>
        <translation>快递服务站</translation>
    </message>
    <message>
        <source>Post office</source>
        <translation>邮政网点</translation>
    </message>
    <message>
        <source>Supermarket</source>
        <translation>超市</translation>
    </message>
    <message>
        <source>Land parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Demand points served</source>
        <translation>服务需求点数</translation>
    </message>
    <message>
        <source>Parcels per day</source>
        <translation>日均件量</translation>
    </message>
    <message>
        <source>Mean distance (m)</source>
        <translation>平均距离（米）</translation>
    </message>
    <message>
        <source>Public distribution centres</source>
        <translation>公共配送中心</translation>
    </message>
    <message>
        <source>Charging piles</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>District boundary</source>
        <translation>行政区界</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Green Freight Distribution Facility Siting Plan Report</source>
        <translation>绿色货运配送设施选址规划报告</translation>
    </message>
    <message>
        <source>%1 Green Freight Distribution Facility Siting Plan Report</source>
        <translation>%1绿色货运配送设施选址规划报告</translation>
    </message>
    <message>
        <source>the PDF file cannot be created</source>
        <translation>无法创建 PDF 文件</translation>
    </message>
    <message>
        <source>the PDF export failed (code %1)</source>
        <translation>PDF 导出失败（代码 %1）</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>编制日期：%1</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Key performance indicators</source>
        <translation>关键绩效指标</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
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
        <source>Programme targets</source>
        <translation>规划目标达标情况</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>实现值</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>余量</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Ordered by rank; distances are along the road network.</source>
        <translation>按排名排序；距离为路网距离。</translation>
    </message>
</context>
<context>
    <name>gf::gis::AtomicFile</name>
    <message>
        <source>cannot create the folder</source>
        <translation>无法创建文件夹</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>文件为只读</translation>
    </message>
</context>
<context>
    <name>gf::app::IsochroneCommand</name>
    <message>
        <source>Compute the service areas (isochrones) of a site on the project&apos;s road network and write them as nested polygons.</source>
        <translation>计算站点在项目路网上的服务区（等时圈），并写出为嵌套的多边形。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>Project GeoPackage with the layer roads (default: the bundled sample district).</source>
        <translation>含道路图层 roads 的项目 GeoPackage（默认：随附的示例城区）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Site coordinates in the project CRS.</source>
        <translation>站点在项目坐标系中的坐标。</translation>
    </message>
    <message>
        <source>X,Y</source>
        <translation>X,Y</translation>
    </message>
    <message>
        <source>Network distances in metres, one polygon each, e.g. 500,1000,2000.</source>
        <translation>路网距离（米），每个距离一个多边形，例如 500,1000,2000。</translation>
    </message>
    <message>
        <source>METRES</source>
        <translation>米数</translation>
    </message>
    <message>
        <source>Vehicle: truck, nev_van or e_tricycle. Default nev_van.</source>
        <translation>车型：truck（重型柴油货车）、nev_van（新能源轻型厢式车）或 e_tricycle（电动三轮车）。默认 nev_van。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Distance in metres around the reached roads that the polygons cover. Default 100.</source>
        <translation>多边形覆盖可达道路两侧的距离（米）。默认 100。</translation>
    </message>
    <message>
        <source>Time of day for truck restrictions. Default 12:00.</source>
        <translation>货车限行所按的时刻。默认 12:00。</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <source>GeoPackage to write (replaced if it exists).</source>
        <translation>要写出的 GeoPackage（已存在则替换）。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Run &apos;greenfreight-cli isochrone --help&apos; for the options.</source>
        <translation>运行 &apos;greenfreight-cli isochrone --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>Usage: greenfreight-cli isochrone --at X,Y --costs METRES --out FILE [options]</source>
        <translation>用法：greenfreight-cli isochrone --at X,Y --costs 米数 --out 文件 [选项]</translation>
    </message>
    <message>
        <source>error: unexpected argument &apos;%1&apos;.</source>
        <translation>错误：多余的参数 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>error: --%1 is required.</source>
        <translation>错误：必须提供 --%1。</translation>
    </message>
    <message>
        <source>error: --at must be two numbers X,Y in the project CRS, got &apos;%1&apos;.</source>
        <translation>错误：--at 须为项目坐标系中的两个数 X,Y，实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>error: --costs must be distances in metres between 0 and %1, separated by commas, got &apos;%2&apos;.</source>
        <translation>错误：--costs 须为 0 到 %1 之间、以逗号分隔的距离（米），实际为 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>error: unknown profile &apos;%1&apos;; use truck, nev_van or e_tricycle.</source>
        <translation>错误：未知车型 &apos;%1&apos;；请使用 truck、nev_van 或 e_tricycle。</translation>
    </message>
    <message>
        <source>error: --trim must be a positive number of metres, got &apos;%1&apos;.</source>
        <translation>错误：--trim 须为正的米数，实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>error: --time must be a time of day HH:MM, got &apos;%1&apos;.</source>
        <translation>错误：--time 须为时刻 HH:MM，实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>error: the bundled sample district was not found; pass --project FILE.</source>
        <translation>错误：找不到随附的示例城区；请用 --project 指定文件。</translation>
    </message>
    <message>
        <source>error: project file &apos;%1&apos; does not exist.</source>
        <translation>错误：项目文件 &apos;%1&apos; 不存在。</translation>
    </message>
    <message>
        <source>error: output &apos;%1&apos; is a folder; name the GeoPackage to write.</source>
        <translation>错误：输出 &apos;%1&apos; 是文件夹；请指定要写出的 GeoPackage 文件名。</translation>
    </message>
    <message>
        <source>error: the output would replace the project file &apos;%1&apos;.</source>
        <translation>错误：输出将覆盖项目文件 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>error: the site (%1, %2) is more than %3 m from any road of the network. Check the coordinates and that they are in the project CRS %4.</source>
        <translation>错误：站点 (%1, %2) 距路网任何道路都超过 %3 米。请检查坐标，并确认其位于项目坐标系 %4 中。</translation>
    </message>
    <message>
        <source>warning: the road nearest to the site is closed to this vehicle at this time; the service area ends there.</source>
        <translation>警告：离站点最近的道路此时禁止该车型通行；服务区止于此处。</translation>
    </message>
    <message>
        <source>GreenFreight Planner — service areas</source>
        <translation>绿色货运规划 — 服务区</translation>
    </message>
    <message>
        <source>  Site: (%1, %2) in %3, %4 m from the road</source>
        <translation>  站点：(%1, %2)，坐标系 %3，距道路 %4 米</translation>
    </message>
    <message>
        <source>  Within %1 m: %2 km of road, %3 km²</source>
        <translation>  %1 米以内：道路 %2 公里，面积 %3 平方公里</translation>
    </message>
    <message>
        <source>  Written to: %1</source>
        <translation>  已写入：%1</translation>
    </message>
</context>
</TS>
