<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>gf::app::MainWindow</name>
    <message numerus="yes">
        <source>Plan: %n station(s)</source>
        <translation>
            <numerusform>Plan: %n station</numerusform>
            <numerusform>Plan: %n stations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n station(s)&lt;/b&gt; for %1 demand points</source>
        <translation>
            <numerusform>&lt;b&gt;%n station&lt;/b&gt; for %1 demand points</numerusform>
            <numerusform>&lt;b&gt;%n stations&lt;/b&gt; for %1 demand points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distribution centre(s), %1 charging piles, %2 loading bays</source>
        <translation>
            <numerusform>%n distribution centre, %1 charging piles, %2 loading bays</numerusform>
            <numerusform>%n distribution centres, %1 charging piles, %2 loading bays</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gf::app::PlanPanel</name>
    <message numerus="yes">
        <source>Zhangdian district (%n station(s))</source>
        <translation>
            <numerusform>Zhangdian district (%n station)</numerusform>
            <numerusform>Zhangdian district (%n stations)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linzi district (%n station(s))</source>
        <translation>
            <numerusform>Linzi district (%n station)</numerusform>
            <numerusform>Linzi district (%n stations)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gf::app::PlanTask</name>
    <message numerus="yes">
        <source>Planning %n station(s)</source>
        <translation>
            <numerusform>Planning %n station</numerusform>
            <numerusform>Planning %n stations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gf::app::SiteDecisionCommand</name>
    <message numerus="yes">
        <source>Lock %n site(s)</source>
        <translation>
            <numerusform>Lock %n site</numerusform>
            <numerusform>Lock %n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ban %n site(s)</source>
        <translation>
            <numerusform>Ban %n site</numerusform>
            <numerusform>Ban %n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Free %n site(s)</source>
        <translation>
            <numerusform>Free %n site</numerusform>
            <numerusform>Free %n sites</numerusform>
        </translation>
    </message>
</context>
</TS>
