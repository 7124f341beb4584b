<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>gf::app::ComplianceText</name>
    <message>
        <source>Transport cost −10 %</source>
        <translation>运输成本降低 10%</translation>
    </message>
    <message>
        <source>Energy per unit turnover −3 %</source>
        <translation>单位周转量能耗降低 3%</translation>
    </message>
    <message>
        <source>Vehicle utilisation +20 %</source>
        <translation>车辆利用率提高 20%</translation>
    </message>
    <message>
        <source>NEV vehicles : piles &lt; 3 : 1</source>
        <translation>新能源车辆与充电桩之比低于 3:1</translation>
    </message>
    <message>
        <source>End joint distribution stations</source>
        <translation>末端共同配送站</translation>
    </message>
    <message>
        <source>Curbside loading bays</source>
        <translation>路内限时装卸车位</translation>
    </message>
    <message>
        <source>Joint distribution of large supermarkets and chain stores ≥ 50 %</source>
        <translation>大型商超和连锁门店共同配送率不低于 50%</translation>
    </message>
    <message>
        <source>Piles reserved underground at centres</source>
        <translation>配送中心地下车库预留充电桩</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
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
        <source>Usage: greenfreight-cli isochrone --at X,Y --costs METRES --out FILE [options]</source>
        <translation>用法：greenfreight-cli isochrone --at X,Y --costs 米数 --out 文件 [选项]</translation>
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
    <message>
        <source>Public distribution centres</source>
        <translation>公共配送中心</translation>
    </message>
    <message>
        <source>Charging piles</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <source>Curbside loading bays</source>
        <translation>路内限时装卸车位</translation>
    </message>
    <message>
        <source>Freight flows</source>
        <translation>货运流向</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>备选站址</translation>
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
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lock Selected Sites</source>
        <translation>锁定所选站址(&amp;L)</translation>
    </message>
    <message>
        <source>The outlets selected on the map (outlets layer, or plan stations sited on an outlet) must open in the next plan. Not saved to the project.</source>
        <translation>地图上所选的网点（网点图层，或设在网点上的规划站点）在下次规划中必须选用。不保存到项目。</translation>
    </message>
    <message>
        <source>&amp;Ban Selected Sites</source>
        <translation>禁用所选站址(&amp;B)</translation>
    </message>
    <message>
        <source>The outlets selected on the map (outlets layer, or plan stations sited on an outlet) must stay closed in the next plan. Not saved to the project.</source>
        <translation>地图上所选的网点（网点图层，或设在网点上的规划站点）在下次规划中不得选用。不保存到项目。</translation>
    </message>
    <message>
        <source>&amp;Free Selected Sites</source>
        <translation>放开所选站址(&amp;F)</translation>
    </message>
    <message>
        <source>The next plan may open or leave closed the outlets selected on the map, whatever the project&apos;s status says. Not saved to the project.</source>
        <translation>下次规划可自由决定是否选用地图上所选的网点，不论项目中的状态如何。不保存到项目。</translation>
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
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
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
        <source>Site Decisions</source>
        <translation>站址决定</translation>
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
    <message numerus="yes">
        <source>%n distribution centre(s), %1 charging piles, %2 loading bays</source>
        <translation>
            <numerusform>%n 个公共配送中心，%1 个充电桩，%2 个装卸车位</numerusform>
        </translation>
    </message>
    <message>
        <source>Programme targets met: %1 of %2</source>
        <translation>方案目标达标：%1 / %2 项</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Achieved / required</source>
        <translation>实现值 / 要求值</translation>
    </message>
    <message>
        <source>Site decisions applied: %1 locked, %2 banned, %3 freed</source>
        <translation>已应用站址决定：锁定 %1 处，禁用 %2 处，放开 %3 处</translation>
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
    <message>
        <source>No site selected</source>
        <translation>未选择站址</translation>
    </message>
    <message>
        <source>Select outlets on the outlets layer, or plan stations sited on an outlet, then try again.</source>
        <translation>请在网点图层上选择网点，或选择设在网点上的规划站点，然后重试。</translation>
    </message>
    <message>
        <source>Site decisions for the next plan: %1 locked, %2 banned, %3 freed (not saved to the project)</source>
        <translation>下次规划的站址决定：锁定 %1 处，禁用 %2 处，放开 %3 处（不保存到项目）</translation>
    </message>
</context>
<context>
    <name>gf::app::PlanCommand</name>
    <message>
        <source>Planning…</source>
        <translation>正在规划…</translation>
    </message>
    <message>
        <source>Plan the green freight programme of a district (distribution centres, end stations, charging piles, loading bays) and write the plan GeoPackage and report.</source>
        <translation>编制城区绿色货运配送方案（公共配送中心、末端共同配送站、充电桩、装卸车位），输出规划 GeoPackage 和报告。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>Project GeoPackage with layers roads, demand, outlets (default: the bundled sample district).</source>
        <translation>含 roads、demand、outlets 图层的项目 GeoPackage（默认：自带的示例城区）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>District preset: zhangdian (40 stations) or linzi (10 stations). Default zhangdian.</source>
        <translation>城区预设：zhangdian（张店区，40 个站点）或 linzi（临淄区，10 个站点）。默认 zhangdian。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Number of stations to open (overrides the preset).</source>
        <translation>拟设站点数（覆盖预设值）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Service radius in metres for the coverage figure. Default 1000.</source>
        <translation>计算覆盖率的服务半径（米）。默认 1000。</translation>
    </message>
    <message>
        <source>METRES</source>
        <translation>米</translation>
    </message>
    <message>
        <source>Output folder; the plan is written to DIR/plan.gpkg. Default ./out.</source>
        <translation>输出文件夹，规划写入 DIR/plan.gpkg。默认 ./out。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Seed of the solver&apos;s randomness (same seed, same plan). Default 1.</source>
        <translation>求解器随机种子（种子相同则方案相同）。默认 1。</translation>
    </message>
    <message>
        <source>Worker threads, 0 = all cores. Default 0.</source>
        <translation>工作线程数，0 表示使用全部核心。默认 0。</translation>
    </message>
    <message>
        <source>GeoPackage that keeps OD matrices for reuse (default: the project file; for the bundled sample DIR/od_cache.gpkg).</source>
        <translation>缓存 OD 矩阵以便复用的 GeoPackage（默认：项目文件；自带示例为 DIR/od_cache.gpkg）。</translation>
    </message>
    <message>
        <source>Compute the OD matrix without reading or writing a cache.</source>
        <translation>计算 OD 矩阵，不读写缓存。</translation>
    </message>
    <message>
        <source>Solver time limit in seconds. Default 30.</source>
        <translation>求解时限（秒）。默认 30。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Station objective: pmedian (least parcel-weighted distance) or coverage (most parcels within the radius). Default pmedian.</source>
        <translation>站点选址目标：pmedian（P 中值，按件量加权的距离最短）或 coverage（最大覆盖，服务半径内件量最多）。默认 pmedian。</translation>
    </message>
    <message>
        <source>Datum of the geocoded point layers: wgs84, cgcs2000, gcj02 (Amap) or bd09 (Baidu). Default: as the project&apos;s gf_project table says, else wgs84.</source>
        <translation>地理编码点图层的坐标基准：wgs84、cgcs2000、gcj02（高德）或 bd09（百度）。默认：按项目 gf_project 表的设置，未设置时为 wgs84。</translation>
    </message>
    <message>
        <source>Land-use suitability CSV replacing the shipped table.</source>
        <translation>替换内置用地适宜性表的 CSV 文件。</translation>
    </message>
    <message>
        <source>Set a plan parameter by key, e.g. --set charging.max_vehicles_per_pile=2.5 (repeatable; keys are listed in the plan&apos;s parameters table).</source>
        <translation>按键名设置规划参数，例如 --set charging.max_vehicles_per_pile=2.5（可重复使用；键名见规划结果的 parameters 表）。</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>键=值</translation>
    </message>
    <message>
        <source>Also solve for every number of stations from MIN to MAX and print the cost and coverage curve, e.g. --curve 10:40.</source>
        <translation>同时对从 MIN 到 MAX 的每个站点数求解，并输出成本和覆盖率曲线，例如 --curve 10:40。</translation>
    </message>
    <message>
        <source>MIN:MAX</source>
        <translation>最小值:最大值</translation>
    </message>
    <message>
        <source>Do not write the PDF report.</source>
        <translation>不生成 PDF 报告。</translation>
    </message>
    <message>
        <source>Language of the PDF report: zh_CN (default, for the leadership meeting) or en.</source>
        <translation>PDF 报告的语言：zh_CN（默认，供领导会议使用）或 en。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>error: unknown report language &apos;%1&apos;; use zh_CN or en.</source>
        <translation>错误：未知的报告语言 “%1”；请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Usage: greenfreight-cli plan [options]</source>
        <translation>用法：greenfreight-cli plan [选项]</translation>
    </message>
    <message>
        <source>Exact mode: after the heuristic, give each tier&apos;s model to the MILP solver (CBC) for at most SECONDS to improve the plan or prove it optimal. Default 0 (off).</source>
        <translation>精确模式：启发式求解后，把每一层级的模型交给混合整数规划求解器（CBC）最多求解 SECONDS 秒，以改进方案或证明其最优。默认 0（关闭）。</translation>
    </message>
    <message>
        <source>error: unknown preset &apos;%1&apos;; use zhangdian or linzi.</source>
        <translation>错误：未知的城区预设 “%1”，请使用 zhangdian 或 linzi。</translation>
    </message>
    <message>
        <source>error: --%1 must be a number of at least %2, got &apos;%3&apos;.</source>
        <translation>错误：--%1 须为不小于 %2 的数，实际为 “%3”。</translation>
    </message>
    <message>
        <source>error: --stations must be a whole number, got &apos;%1&apos;.</source>
        <translation>错误：--stations 须为整数，实际为 “%1”。</translation>
    </message>
    <message>
        <source>error: unknown objective &apos;%1&apos;; use pmedian or coverage.</source>
        <translation>错误：未知的选址目标 “%1”，请使用 pmedian 或 coverage。</translation>
    </message>
    <message>
        <source>error: unknown survey datum &apos;%1&apos;; use wgs84, cgcs2000, gcj02 or bd09.</source>
        <translation>错误：未知的坐标基准 “%1”，请使用 wgs84、cgcs2000、gcj02 或 bd09。</translation>
    </message>
    <message>
        <source>error: --curve must be MIN:MAX with 1 &lt;= MIN &lt; MAX, got &apos;%1&apos;.</source>
        <translation>错误：--curve 须为 MIN:MAX 且 1 &lt;= MIN &lt; MAX，实际为 “%1”。</translation>
    </message>
    <message>
        <source>error: --set &apos;%1&apos;: unknown parameter key; the keys are listed in the plan&apos;s parameters table.</source>
        <translation>错误：--set “%1”：未知的参数键名，键名见规划结果的 parameters 表。</translation>
    </message>
    <message>
        <source>error: --set &apos;%1&apos;: the value is not valid for this parameter (range %2 to %3).</source>
        <translation>错误：--set “%1”：该参数取值无效（范围 %2 至 %3）。</translation>
    </message>
    <message>
        <source>error: the bundled sample district was not found; pass --project FILE.</source>
        <translation>错误：未找到自带的示例城区，请用 --project 指定项目文件。</translation>
    </message>
    <message>
        <source>error: project file &apos;%1&apos; does not exist.</source>
        <translation>错误：项目文件 “%1” 不存在。</translation>
    </message>
    <message>
        <source>error: output &apos;%1&apos; exists and is not a folder.</source>
        <translation>错误：输出路径 “%1” 已存在且不是文件夹。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>GreenFreight Planner — programme plan</source>
        <translation>绿色货运配送规划 — 方案规划</translation>
    </message>
    <message>
        <source>  Project:        %1 (%2)</source>
        <translation>  项目：        %1（%2）</translation>
    </message>
    <message>
        <source>  Road network:   %1 nodes, %2 directed edges, %3 km; %4 components, largest %5 nodes kept</source>
        <translation>  路网：        %1 个节点，%2 条有向边，%3 公里；%4 个连通分量，保留最大分量 %5 个节点</translation>
    </message>
    <message>
        <source>                  next largest component: %1 nodes near (%2, %3), not connected to the kept network</source>
        <translation>                次大连通分量：%1 个节点，位于 (%2, %3) 附近，未与保留路网连通</translation>
    </message>
    <message>
        <source>  Network checks: %1 dangling ends, %2 duplicate and %3 zero-length pieces removed, %4 vertices merged</source>
        <translation>  路网检查：    %1 个悬挂端点，删除 %2 段重复路段和 %3 段零长度路段，合并 %4 个顶点</translation>
    </message>
    <message>
        <source>  OD matrices:    %1</source>
        <translation>  OD 矩阵：     %1</translation>
    </message>
    <message>
        <source>computed (no cache)</source>
        <translation>重新计算（未使用缓存）</translation>
    </message>
    <message>
        <source>%1 of %2 reused from cache %3</source>
        <translation>%2 个中有 %1 个复用自缓存 %3</translation>
    </message>
    <message>
        <source>  Candidates:     centres %1 of %2, stations %3 of %4, public charging %5 of %6 pass land use and control lines</source>
        <translation>  备选站址：    配送中心 %1/%2、末端站点 %3/%4、公共充电 %5/%6 通过用地和管控线审查</translation>
    </message>
    <message>
        <source>  Centres:        %1 open; cost %2 CNY/day, lower bound %3, gap %4</source>
        <translation>  公共配送中心：新建 %1 个；成本 %2 元/日，下界 %3，间隙 %4</translation>
    </message>
    <message>
        <source>  Stations:       %1; %2 station customers, %3 assigned; %4 large customers served by centres</source>
        <translation>  末端共同配送站：%1 个；站点客户 %2 个，已分配 %3 个；%4 个大客户由配送中心直送</translation>
    </message>
    <message>
        <source>  Coverage within %1: %2 of points, %3 of parcels</source>
        <translation>  %1 范围内覆盖：需求点 %2，件量 %3</translation>
    </message>
    <message>
        <source>  Network distance: mean %1 (parcel-weighted), max %2</source>
        <translation>  路网距离：平均 %1（按件量加权），最大 %2</translation>
    </message>
    <message>
        <source>  Station objective: %1; lower bound %2; gap %3</source>
        <translation>  站点目标值：%1；下界 %2；间隙 %3</translation>
    </message>
    <message>
        <source>  Curve over the number of stations (p-median; coverage within %1):</source>
        <translation>  站点数量曲线（P 中值；%1 范围内覆盖率）：</translation>
    </message>
    <message>
        <source>    %1 stations: mean distance %2, coverage %3, gap %4</source>
        <translation>    %1 个站点：平均距离 %2，覆盖率 %3，间隙 %4</translation>
    </message>
    <message>
        <source>  Charging:       %1 piles for %2 NEV vehicles at %3 sites</source>
        <translation>  充电设施：    %3 处场站共 %1 个充电桩，服务 %2 辆新能源车辆</translation>
    </message>
    <message>
        <source>  Loading bays:   %1 (target %2), serving %3 of %4 parcels/day within walking distance</source>
        <translation>  装卸车位：    %1 个（目标 %2 个），步行范围内服务 %3 / %4 件/日</translation>
    </message>
    <message>
        <source>  Against the status quo (per day):</source>
        <translation>  与现状对比（每日）：</translation>
    </message>
    <message>
        <source>    vehicle-km %1 → %2 (%3), cost %4 → %5 CNY (%6), CO₂ %7 → %8 kg (%9)</source>
        <translation>    车公里 %1 → %2（%3），成本 %4 → %5 元（%6），CO₂ %7 → %8 千克（%9）</translation>
    </message>
    <message>
        <source>    energy per tonne-km %1 → %2 kWh (%3), load factor %4 → %5</source>
        <translation>    吨公里能耗 %1 → %2 千瓦时（%3），实载率 %4 → %5</translation>
    </message>
    <message>
        <source>  Programme targets:</source>
        <translation>  方案目标：</translation>
    </message>
    <message>
        <source>achieved %1, target %2</source>
        <translation>实现 %1，目标 %2</translation>
    </message>
    <message>
        <source>  Plan written to: %1</source>
        <translation>  规划已写入：%1</translation>
    </message>
    <message>
        <source>  Report written to: %1</source>
        <translation>  报告已写入：%1</translation>
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
        <source>p-median: shortest parcel-weighted distance</source>
        <translation>P 中值：按件量加权的距离最短</translation>
    </message>
    <message>
        <source>Coverage: most parcels within the service radius</source>
        <translation>最大覆盖：服务半径内件量最多</translation>
    </message>
    <message>
        <source>What the station siting optimises</source>
        <translation>站点选址的优化目标</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Exact mode: after the heuristic, the MILP solver (CBC) gets this long per tier to improve the plan or prove it optimal</source>
        <translation>精确模式：启发式求解后，混合整数规划求解器（CBC）对每一层级最多求解这么长时间，以改进方案或证明其最优</translation>
    </message>
    <message>
        <source>As set in the project</source>
        <translation>按项目设置</translation>
    </message>
    <message>
        <source>WGS 84 / CGCS2000</source>
        <translation>WGS 84 / CGCS2000</translation>
    </message>
    <message>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <source>Coordinate system the demand, outlet and hub points were geocoded in; web-map offsets are corrected</source>
        <translation>需求点、网点和枢纽地理编码时所用的坐标系；网络地图的偏移将被纠正</translation>
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
        <source>Objective</source>
        <translation>选址目标</translation>
    </message>
    <message>
        <source>Exact mode</source>
        <translation>精确模式</translation>
    </message>
    <message>
        <source>Survey datum</source>
        <translation>坐标基准</translation>
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
    <name>gf::gis::RoadLayerImporter</name>
    <message>
        <source>The road layer is in %1; the analysis runs in %2.</source>
        <translation>道路图层的坐标系为 %1，分析在 %2 中进行。</translation>
    </message>
    <message>
        <source>%1 roads have an unknown road class and were treated as branch streets.</source>
        <translation>%1 条道路等级未知，已按支路处理。</translation>
    </message>
    <message>
        <source>%1 ways that vehicles may not use (footways, paths, no access) were skipped.</source>
        <translation>已跳过 %1 条机动车不可通行的道路（人行道、小径、禁止通行）。</translation>
    </message>
</context>
<context>
    <name>gf::app::SiteDecisionCommand</name>
    <message numerus="yes">
        <source>Lock %n site(s)</source>
        <translation>
            <numerusform>锁定 %n 处站址</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ban %n site(s)</source>
        <translation>
            <numerusform>禁用 %n 处站址</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free %n site(s)</source>
        <translation>
            <numerusform>放开 %n 处站址</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gf::app::SubcommandParser</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Run &apos;greenfreight-cli %1 --help&apos; for the options.</source>
        <translation>运行 &apos;greenfreight-cli %1 --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>error: unexpected argument &apos;%1&apos;.</source>
        <translation>错误：多余的参数 &apos;%1&apos;。</translation>
    </message>
</context>
<context>
    <name>gf::gis::GisError</name>
    <message>
        <source>, layer &quot;%1&quot;</source>
        <translation>，图层 “%1”</translation>
    </message>
    <message>
        <source>, feature %1</source>
        <translation>，要素 %1</translation>
    </message>
    <message>
        <source>, field &quot;%1&quot;</source>
        <translation>，字段 “%1”</translation>
    </message>
    <message>
        <source>The computation was canceled; nothing was changed.</source>
        <translation>计算已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>Invalid parameter %1.</source>
        <translation>参数 %1 无效。</translation>
    </message>
    <message>
        <source>The road layer has no usable line segment. Check that it contains lines with at least two distinct vertices.</source>
        <translation>道路图层没有可用的线段。请检查其中的线是否至少有两个不同的顶点。</translation>
    </message>
    <message>
        <source>No two roads of the network connect. Check that streets share vertices at intersections or raise the snapping tolerance.</source>
        <translation>路网中没有相互连通的道路。请检查道路在交叉口处是否共用顶点，或增大捕捉容差。</translation>
    </message>
    <message>
        <source>No demand point lies close enough to the road network. Check the demand layer&apos;s position and CRS.</source>
        <translation>没有需求点足够靠近路网。请检查需求图层的位置和坐标参考系。</translation>
    </message>
    <message>
        <source>There are no candidate sites. Add outlets or candidate parcels to the project.</source>
        <translation>没有备选站址。请在项目中添加网点或备选地块。</translation>
    </message>
    <message>
        <source>More stations were requested (%1) than there are candidate sites that may be opened. Lower the station count or add candidates.</source>
        <translation>要求的站点数（%1）多于可启用的备选站址。请减少站点数或增加备选站址。</translation>
    </message>
    <message>
        <source>The total capacity of the candidate sites is below the demand to serve.</source>
        <translation>备选站址的总能力低于需服务的需求量。</translation>
    </message>
    <message>
        <source>No demand point can be covered by any candidate within the service radius.</source>
        <translation>在服务半径内，任何备选站址都无法覆盖需求点。</translation>
    </message>
    <message>
        <source>No parcel with suitable land use is available for this facility type.</source>
        <translation>没有用地性质适合此类设施的地块。</translation>
    </message>
    <message>
        <source>The model has no feasible solution with these parameters.</source>
        <translation>在这些参数下模型无可行解。</translation>
    </message>
    <message>
        <source>The coordinates look like degrees where metres are expected. Reproject the layers to a metric CRS (for Zibo EPSG:4548).</source>
        <translation>坐标看起来是经纬度（度），而此处需要米。请将图层投影到以米为单位的坐标系（淄博为 EPSG:4548）。</translation>
    </message>
    <message>
        <source>The exact solver (CBC) is not available in this build.</source>
        <translation>此版本未包含精确求解器（CBC）。</translation>
    </message>
    <message>
        <source>The time limit was reached before a solution was found.</source>
        <translation>在找到解之前已达到求解时限。</translation>
    </message>
    <message>
        <source>The cost matrix leaves out pairs that may decide the answer (within the coverage radius, or needed to fit the capacities). Keep more nearest candidates per demand point.</source>
        <translation>成本矩阵省略了可能决定结果的点对（位于覆盖半径内，或满足容量所需）。请为每个需求点保留更多最近候选点。</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
    <message>
        <source>File not found: %1. Check the path.</source>
        <translation>未找到文件：%1。请检查路径。</translation>
    </message>
    <message>
        <source>Cannot open %1 as a GIS data source: %2</source>
        <translation>无法将 %1 作为 GIS 数据源打开：%2</translation>
    </message>
    <message>
        <source>%1: the required layer is missing. Add a layer named &quot;%2&quot;.</source>
        <translation>%1：缺少必需的图层。请添加名为 “%2” 的图层。</translation>
    </message>
    <message>
        <source>%1: the layer cannot be read (%2).</source>
        <translation>%1：无法读取该图层（%2）。</translation>
    </message>
    <message>
        <source>%1: wrong geometry type %2; expected %3.</source>
        <translation>%1：几何类型 %2 不正确，应为 %3。</translation>
    </message>
    <message>
        <source>%1: the layer has no coordinate reference system. Assign one (e.g. EPSG:4548 or EPSG:4490) in QGIS and save it.</source>
        <translation>%1：该图层没有坐标参考系。请在 QGIS 中指定（如 EPSG:4548 或 EPSG:4490）并保存。</translation>
    </message>
    <message>
        <source>%1: the layer&apos;s CRS %2 is geographic and no metric CRS could be chosen for it.</source>
        <translation>%1：该图层的坐标参考系 %2 为地理坐标系，且无法为其选择以米为单位的坐标系。</translation>
    </message>
    <message>
        <source>%1: the required field is missing. Add it or rename the matching field.</source>
        <translation>%1：缺少必需的字段。请添加该字段或重命名对应字段。</translation>
    </message>
    <message>
        <source>%1: invalid value &quot;%2&quot;.</source>
        <translation>%1：无效值 “%2”。</translation>
    </message>
    <message>
        <source>%1: the layer has no features.</source>
        <translation>%1：该图层没有要素。</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2). Nothing was changed; check that the folder is writable and has free space.</source>
        <translation>无法写入 %1（%2）。未做任何更改；请检查文件夹是否可写且有剩余空间。</translation>
    </message>
</context>
<context>
    <name>gf::gis::ProjectReader</name>
    <message>
        <source>empty geometry</source>
        <translation>几何为空</translation>
    </message>
    <message>
        <source>empty land-use code</source>
        <translation>用地代码为空</translation>
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
    <name>gf::gis::LayerSource</name>
    <message>
        <source>no GIS layer found</source>
        <translation>未找到 GIS 图层</translation>
    </message>
</context>
<context>
    <name>gf::gis::PlanJob</name>
    <message>
        <source>The OD matrix could not be cached: %1</source>
        <translation>OD 矩阵未能写入缓存：%1</translation>
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
        <source>km</source>
        <translation>公里</translation>
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
        <source>Stations loaded beyond their capacity</source>
        <translation>超出处理能力的末端站点</translation>
    </message>
    <message>
        <source>Joint distribution share of large stores, status quo</source>
        <translation>大型商超共同配送率（现状）</translation>
    </message>
    <message>
        <source>Joint distribution share of large stores, plan</source>
        <translation>大型商超共同配送率（规划）</translation>
    </message>
    <message>
        <source>Bulk freight customers outside the programme</source>
        <translation>方案范围外的大宗货运客户</translation>
    </message>
    <message>
        <source>Heavy truck kilometres, status quo</source>
        <translation>重型货车行驶里程（现状）</translation>
    </message>
    <message>
        <source>NEV van kilometres, status quo</source>
        <translation>新能源厢式车行驶里程（现状）</translation>
    </message>
    <message>
        <source>Electric tricycle kilometres, status quo</source>
        <translation>电动三轮车行驶里程（现状）</translation>
    </message>
    <message>
        <source>Diesel van kilometres, status quo</source>
        <translation>柴油厢式车行驶里程（现状）</translation>
    </message>
    <message>
        <source>Heavy truck kilometres, plan</source>
        <translation>重型货车行驶里程（规划）</translation>
    </message>
    <message>
        <source>NEV van kilometres, plan</source>
        <translation>新能源厢式车行驶里程（规划）</translation>
    </message>
    <message>
        <source>Electric tricycle kilometres, plan</source>
        <translation>电动三轮车行驶里程（规划）</translation>
    </message>
    <message>
        <source>Diesel van kilometres, plan</source>
        <translation>柴油厢式车行驶里程（规划）</translation>
    </message>
    <message>
        <source>Heavy trucks, status quo</source>
        <translation>重型货车数（现状）</translation>
    </message>
    <message>
        <source>NEV vans, status quo</source>
        <translation>新能源厢式车数（现状）</translation>
    </message>
    <message>
        <source>Electric tricycles, status quo</source>
        <translation>电动三轮车数（现状）</translation>
    </message>
    <message>
        <source>Diesel vans, status quo</source>
        <translation>柴油厢式车数（现状）</translation>
    </message>
    <message>
        <source>Heavy trucks, plan</source>
        <translation>重型货车数（规划）</translation>
    </message>
    <message>
        <source>NEV vans, plan</source>
        <translation>新能源厢式车数（规划）</translation>
    </message>
    <message>
        <source>Electric tricycles, plan</source>
        <translation>电动三轮车数（规划）</translation>
    </message>
    <message>
        <source>Diesel vans, plan</source>
        <translation>柴油厢式车数（规划）</translation>
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
        <source>the PDF file cannot be created</source>
        <translation>无法创建 PDF 文件</translation>
    </message>
    <message>
        <source>the PDF export failed (code %1)</source>
        <translation>PDF 导出失败（代码 %1）</translation>
    </message>
    <message>
        <source>N
↑</source>
        <translation>北
↑</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
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
    <name>gf::gis::PlanWriter</name>
    <message>
        <source>Parcel %1</source>
        <translation>地块 %1</translation>
    </message>
    <message>
        <source>Parcel %1 (%2)</source>
        <translation>地块 %1（%2）</translation>
    </message>
</context>
<context>
    <name>gf::plugins::GreenFreightProvider</name>
    <message>
        <source>GreenFreight Planner</source>
        <translation>绿色货运配送规划</translation>
    </message>
    <message>
        <source>GreenFreight Planner: green freight distribution facility siting</source>
        <translation>绿色货运配送规划：配送设施选址</translation>
    </message>
</context>
<context>
    <name>gf::plugins::PlanProgrammeAlgorithm</name>
    <message>
        <source>Plan the green freight programme</source>
        <translation>编制绿色货运配送规划</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Sites the public distribution centres, end joint distribution stations, charging piles and curbside loading bays of a district from a project GeoPackage (layers roads, demand, outlets) and writes the plan GeoPackage and, optionally, the PDF siting report. The preset sets the programme targets of Zhangdian (40 stations) or Linzi (10 stations); the station count overrides the preset.</source>
        <translation>根据项目 GeoPackage（图层 roads、demand、outlets）为城区选址公共配送中心、末端共同配送站、充电桩和路侧限时装卸车位，输出规划 GeoPackage，并可生成 PDF 选址报告。预设给出张店区（40 个站点）或临淄区（10 个站点）的工作方案目标；站点数量可覆盖预设值。</translation>
    </message>
    <message>
        <source>Project GeoPackage</source>
        <translation>项目 GeoPackage</translation>
    </message>
    <message>
        <source>District preset</source>
        <translation>城区预设</translation>
    </message>
    <message>
        <source>Zhangdian (40 stations)</source>
        <translation>张店区（40 个站点）</translation>
    </message>
    <message>
        <source>Linzi (10 stations)</source>
        <translation>临淄区（10 个站点）</translation>
    </message>
    <message>
        <source>Number of stations (overrides the preset)</source>
        <translation>站点数量（覆盖预设值）</translation>
    </message>
    <message>
        <source>Station objective</source>
        <translation>站点选址目标</translation>
    </message>
    <message>
        <source>Least parcel-weighted distance (p-median)</source>
        <translation>按件量加权的距离最短（P 中值）</translation>
    </message>
    <message>
        <source>Most parcels within the service radius (coverage)</source>
        <translation>服务半径内件量最多（最大覆盖）</translation>
    </message>
    <message>
        <source>Exact mode: seconds of MILP solver (CBC) per tier, 0 = off</source>
        <translation>精确模式：每一层级混合整数规划求解器（CBC）的求解秒数，0 = 关闭</translation>
    </message>
    <message>
        <source>Plan GeoPackage</source>
        <translation>规划 GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Siting report</source>
        <translation>选址报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Stations opened</source>
        <translation>设置站点数</translation>
    </message>
    <message>
        <source>Distribution centres opened</source>
        <translation>设置配送中心数</translation>
    </message>
    <message>
        <source>Parcels within the service radius (%)</source>
        <translation>服务半径内件量占比（%）</translation>
    </message>
    <message>
        <source>Mean distance to the station (m)</source>
        <translation>到站点的平均距离（米）</translation>
    </message>
    <message>
        <source>Optimality gap of the stations (%)</source>
        <translation>站点方案最优性差距（%）</translation>
    </message>
    <message>
        <source>Transport cost against the status quo (%)</source>
        <translation>运输成本较现状变化（%）</translation>
    </message>
    <message>
        <source>CO₂ against the status quo (%)</source>
        <translation>CO₂ 排放较现状变化（%）</translation>
    </message>
    <message>
        <source>Linzi District</source>
        <translation>临淄区</translation>
    </message>
    <message>
        <source>Zhangdian District</source>
        <translation>张店区</translation>
    </message>
    <message>
        <source>%1 stations, %2 % of parcels within the service radius, mean distance %3 m, gap %4 %.</source>
        <translation>%1 个站点，服务半径内件量占 %2 %，平均距离 %3 米，差距 %4 %。</translation>
    </message>
</context>
<context>
    <name>gf::plugins::ServiceAreasAlgorithm</name>
    <message>
        <source>Service areas of a site</source>
        <translation>站点服务范围</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>路网</translation>
    </message>
    <message>
        <source>Computes the service areas (isochrones) of a site on the project&apos;s road network for a vehicle at a time of day and writes them as nested polygons, one per network distance, to the layer service_areas of a GeoPackage.</source>
        <translation>按车型和时段在项目路网上计算站点的服务范围（等时圈），每个路网距离一个多边形，逐级嵌套，写入 GeoPackage 的 service_areas 图层。</translation>
    </message>
    <message>
        <source>Project GeoPackage</source>
        <translation>项目 GeoPackage</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Network distances in metres, separated by commas</source>
        <translation>路网距离（米），以逗号分隔</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Heavy diesel truck</source>
        <translation>重型柴油货车</translation>
    </message>
    <message>
        <source>Light NEV van</source>
        <translation>新能源轻型厢式车</translation>
    </message>
    <message>
        <source>Electric tricycle</source>
        <translation>电动三轮车</translation>
    </message>
    <message>
        <source>Distance in metres around the reached roads</source>
        <translation>可达道路两侧覆盖距离（米）</translation>
    </message>
    <message>
        <source>Time of day (truck restrictions)</source>
        <translation>时刻（货车限行）</translation>
    </message>
    <message>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>The network distances must be metres between 0 and %1, separated by commas.</source>
        <translation>路网距离须为 0 到 %1 之间的米数，以逗号分隔。</translation>
    </message>
    <message>
        <source>The site (%1, %2) is more than %3 m from any road of the network. Check the point and its CRS.</source>
        <translation>站点 (%1, %2) 距路网中任何道路都超过 %3 米。请检查该点及其坐标参考系。</translation>
    </message>
    <message>
        <source>The road nearest to the site is closed to this vehicle at this time; the service area ends there.</source>
        <translation>距站点最近的道路在该时刻禁止此车型通行；服务范围止于此处。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>usage: greenfreight-cli [--lang zh_CN|en] &lt;command&gt; [options]

commands:
  plan       plan the green freight programme of a district project (run &apos;greenfreight-cli plan --help&apos;)
  isochrone  service areas of a site as polygons (run &apos;greenfreight-cli isochrone --help&apos;)

--lang chooses the language of the output (default: the system locale); the plan report is in Chinese unless &apos;plan --report-lang en&apos;.
</source>
        <translation>用法：greenfreight-cli [--lang zh_CN|en] &lt;命令&gt; [选项]

命令：
  plan       为城区项目编制配送设施规划（运行 “greenfreight-cli plan --help” 查看选项）
  isochrone  生成站点服务范围（等时圈）多边形（运行 “greenfreight-cli isochrone --help” 查看选项）

--lang 选择输出语言（默认：系统区域设置）；规划报告默认为中文，除非使用 “plan --report-lang en”。
</translation>
    </message>
    <message>
        <source>error: unknown command &apos;%1&apos;. Run &apos;greenfreight-cli --help&apos;.</source>
        <translation>错误：未知命令 “%1”。请运行 “greenfreight-cli --help”。</translation>
    </message>
</context>
</TS>
