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
</TS>
