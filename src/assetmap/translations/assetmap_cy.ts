<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>About</name>
    <message>
        <source>&lt;p&gt;Community asset mapping for place-based planning: map a neighbourhood&apos;s assets, find the gaps, export the maps. Free software (MIT licence).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mapio asedau cymunedol ar gyfer cynllunio ar sail lle: mapio asedau cymdogaeth, canfod y bylchau, allforio&apos;r mapiau. Meddalwedd rydd (trwydded MIT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Data in “{name}”&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Data yn “{name}”&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No data sources with attributions have been imported yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nid oes ffynonellau data â phriodoliadau wedi&apos;u mewnforio eto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#57606a&apos;&gt;Project file: {path}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#57606a&apos;&gt;Ffeil y prosiect: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#57606a&apos;&gt;Map symbols use the Okabe–Ito colour-blind-safe palette. Log file: {path}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#57606a&apos;&gt;Mae symbolau&apos;r map yn defnyddio palet Okabe–Ito, sy&apos;n ddiogel i bobl ddall i liwiau. Ffeil log: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About assetmap</source>
        <translation>Ynghylch assetmap</translation>
    </message>
    <message>
        <source>About assetmap and data attributions</source>
        <translation>Ynghylch assetmap a phriodoliadau&apos;r data</translation>
    </message>
    <message>
        <source>assetmap logo</source>
        <translation>logo assetmap</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <source>&amp;Basemap</source>
        <translation>&amp;Map sylfaen</translation>
    </message>
    <message>
        <source>&amp;Import OSM extract…</source>
        <translation>&amp;Mewnforio detholiad OSM…</translation>
    </message>
    <message>
        <source>an OpenStreetMap extract (.osm.pbf) as the project&apos;s offline basemap</source>
        <translation>detholiad OpenStreetMap (.osm.pbf) yn fap sylfaen all-lein i&apos;r prosiect</translation>
    </message>
    <message>
        <source>Show &amp;streets and places</source>
        <translation>Dangos &amp;strydoedd a lleoedd</translation>
    </message>
    <message>
        <source>draw the imported OSM basemap</source>
        <translation>lluniadu&apos;r map sylfaen OSM a fewnforiwyd</translation>
    </message>
    <message>
        <source>Show map &amp;tiles</source>
        <translation>Dangos &amp;teils map</translation>
    </message>
    <message>
        <source>draw online (or saved) map tiles under the data</source>
        <translation>lluniadu teils map ar-lein (neu rai a gadwyd) o dan y data</translation>
    </message>
    <message>
        <source>Tile &amp;source…</source>
        <translation>&amp;Ffynhonnell y teils…</translation>
    </message>
    <message>
        <source>where the map tiles come from</source>
        <translation>o ble mae teils y map yn dod</translation>
    </message>
    <message>
        <source>Make this area available &amp;offline…</source>
        <translation>Sicrhau bod yr ardal hon ar gael &amp;all-lein…</translation>
    </message>
    <message>
        <source>download the tiles of the project&apos;s area for use without a network</source>
        <translation>llwytho teils ardal y prosiect i lawr i&apos;w defnyddio heb rwydwaith</translation>
    </message>
    <message>
        <source>Add &amp;MBTiles file…</source>
        <translation>Ychwanegu ffeil M&amp;BTiles…</translation>
    </message>
    <message>
        <source>map tiles from a file on this computer</source>
        <translation>teils map o ffeil ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Add an MBTiles file</source>
        <translation>Ychwanegu ffeil MBTiles</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>That file cannot be used</source>
        <translation>Nid oes modd defnyddio&apos;r ffeil honno</translation>
    </message>
    <message>
        <source> It names no attribution: add one if its terms ask.</source>
        <translation> Nid yw&apos;n enwi priodoliad: ychwanegwch un os yw ei thelerau&apos;n gofyn.</translation>
    </message>
    <message>
        <source>Map tiles from {name}.{note}</source>
        <translation>Teils map o {name}.{note}</translation>
    </message>
</context>
<context>
    <name>Checking</name>
    <message>
        <source>Mark as &amp;checked today</source>
        <translation>&amp;Nodi wedi&apos;i wirio heddiw</translation>
    </message>
    <message>
        <source>set “Verified on” of the selected assets to today (one Undo step)</source>
        <translation>gosod “Gwiriwyd ar” yr asedau a ddewiswyd i heddiw (un cam Dadwneud)</translation>
    </message>
    <message>
        <source>Export &amp;due-for-checking list…</source>
        <translation>Allforio&apos;r rhestr &amp;wirio sy&apos;n ddyledus…</translation>
    </message>
    <message>
        <source>the assets due for checking, with phone numbers, as CSV or XLSX</source>
        <translation>yr asedau y mae&apos;n bryd eu gwirio, gyda rhifau ffôn, fel CSV neu XLSX</translation>
    </message>
    <message>
        <source>Export the due-for-checking list</source>
        <translation>Allforio&apos;r rhestr wirio sy&apos;n ddyledus</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>Taenlen (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Nothing due for checking</source>
        <translation>Dim i&apos;w wirio</translation>
    </message>
    <message>
        <source>{n:,} due for checking</source>
        <translation>{n:,} i&apos;w gwirio</translation>
    </message>
    <message>
        <source>assets last checked longer ago than their category&apos;s review interval</source>
        <translation>asedau a wiriwyd ddiwethaf yn hwy yn ôl na chyfnod adolygu eu categori</translation>
    </message>
    <message>
        <source>Wrote {n:,} assets due for checking to {name}</source>
        <translation>Ysgrifennwyd {n:,} o asedau i&apos;w gwirio i {name}</translation>
    </message>
    <message>
        <source>Could not mark as checked</source>
        <translation>Methu nodi wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>Could not export the due list</source>
        <translation>Methu allforio&apos;r rhestr ddyledus</translation>
    </message>
    <message>
        <source>Assets due for checking</source>
        <translation>Asedau i&apos;w gwirio</translation>
    </message>
    <message>
        <source>{project} due for checking.xlsx</source>
        <translation>{project} i&apos;w gwirio.xlsx</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Layers</source>
        <translation>Haenau</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Allwedd</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ased</translation>
    </message>
    <message>
        <source>Not on the map</source>
        <translation>Heb fod ar y map</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Find gaps</source>
        <translation>Canfod bylchau</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabl</translation>
    </message>
    <message>
        <source>{title} panel</source>
        <translation>Panel {title}</translation>
    </message>
    <message>
        <source>show or hide the {title} panel</source>
        <translation>dangos neu guddio&apos;r panel {title}</translation>
    </message>
    <message>
        <source>Not on the map ({count})</source>
        <translation>Heb fod ar y map ({count})</translation>
    </message>
</context>
<context>
    <name>Find</name>
    <message>
        <source>Find a place, asset, area or postcode…</source>
        <translation>Chwilio am le, ased, ardal neu god post…</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>assetmap user guide</source>
        <translation>Canllaw defnyddwyr assetmap</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The user guide is not installed&lt;/h2&gt;&lt;p&gt;It is part of assetmap&apos;s resources (resources/guide/index.html); reinstalling assetmap brings it back.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Nid yw&apos;r canllaw defnyddwyr wedi&apos;i osod&lt;/h2&gt;&lt;p&gt;Mae&apos;n rhan o adnoddau assetmap (resources/guide/index.html); bydd ailosod assetmap yn dod ag ef yn ôl.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open in your web browser</source>
        <translation>Agor yn eich porwr gwe</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Canllaw defnyddwyr</translation>
    </message>
    <message>
        <source>how to map assets, find gaps and run a workshop (offline)</source>
        <translation>sut i fapio asedau, canfod bylchau a chynnal gweithdy (all-lein)</translation>
    </message>
    <message>
        <source>User guide — how to do the three jobs, readable offline</source>
        <translation>Canllaw defnyddwyr — sut i wneud y tair tasg, i&apos;w ddarllen all-lein</translation>
    </message>
    <message>
        <source>&amp;About assetmap</source>
        <translation>&amp;Ynghylch assetmap</translation>
    </message>
    <message>
        <source>the version and where the open project&apos;s data comes from</source>
        <translation>y fersiwn, ac o ble mae data&apos;r prosiect agored yn dod</translation>
    </message>
    <message>
        <source>About assetmap — version, and the data&apos;s sources</source>
        <translation>Ynghylch assetmap — y fersiwn, a ffynonellau&apos;r data</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>&amp;Neighbourhoods (boundaries)…</source>
        <translation>&amp;Cymdogaethau (ffiniau)…</translation>
    </message>
    <message>
        <source>import an area set</source>
        <translation>mewnforio set o ardaloedd</translation>
    </message>
    <message>
        <source>&amp;Assets…</source>
        <translation>&amp;Asedau…</translation>
    </message>
    <message>
        <source>import assets from a file</source>
        <translation>mewnforio asedau o ffeil</translation>
    </message>
    <message>
        <source>&amp;Indicators (population, deprivation)…</source>
        <translation>&amp;Dangosyddion (poblogaeth, amddifadedd)…</translation>
    </message>
    <message>
        <source>join figures to an area set</source>
        <translation>cysylltu ffigurau â set o ardaloedd</translation>
    </message>
    <message>
        <source>Assets from &amp;OpenStreetMap…</source>
        <translation>Asedau o &amp;OpenStreetMap…</translation>
    </message>
    <message>
        <source>import amenities, parks and places of worship from an OpenStreetMap extract</source>
        <translation>mewnforio amwynderau, parciau a mannau addoli o ddetholiad OpenStreetMap</translation>
    </message>
    <message>
        <source>&amp;Service directory…</source>
        <translation>Cyfeiriadur &amp;gwasanaethau…</translation>
    </message>
    <message>
        <source>import an Open Referral (HSDS) service directory as assets</source>
        <translation>mewnforio cyfeiriadur gwasanaethau Open Referral (HSDS) fel asedau</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>the language of menus, dialogs and exports, from the next start</source>
        <translation>iaith y dewislenni, y blychau deialog a&apos;r allforion, o&apos;r tro nesaf y bydd yn dechrau</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>assetmap will use {language} the next time it starts.</source>
        <translation>Bydd assetmap yn defnyddio {language} y tro nesaf y bydd yn dechrau.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Prosiect newydd…</translation>
    </message>
    <message>
        <source>a project from your own boundary file, or an empty one</source>
        <translation>prosiect o&apos;ch ffeil ffiniau eich hun, neu un gwag</translation>
    </message>
    <message>
        <source>New project for a &amp;place…</source>
        <translation>Prosiect newydd ar gyfer &amp;lle…</translation>
    </message>
    <message>
        <source>a local authority&apos;s neighbourhoods, population, deprivation and postcodes, ready offline</source>
        <translation>cymdogaethau, poblogaeth, amddifadedd a chodau post awdurdod lleol, yn barod all-lein</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Agor…</translation>
    </message>
    <message>
        <source>open a project file</source>
        <translation>agor ffeil prosiect</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>Cadw &amp;copi…</translation>
    </message>
    <message>
        <source>write a copy of the project file elsewhere</source>
        <translation>ysgrifennu copi o ffeil y prosiect yn rhywle arall</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>All&amp;forio…</translation>
    </message>
    <message>
        <source>a map to print, an interactive map, the data or the gap report</source>
        <translation>map i&apos;w argraffu, map rhyngweithiol, y data neu&apos;r adroddiad bylchau</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>close assetmap (edits are saved)</source>
        <translation>cau assetmap (mae&apos;r golygiadau&apos;n cael eu cadw)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>take back an edit</source>
        <translation>dadwneud golygiad</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>make the edit taken back again</source>
        <translation>gwneud y golygiad a ddadwnaed eto</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>D&amp;ileu&apos;r rhai a ddewiswyd…</translation>
    </message>
    <message>
        <source>remove the selected assets (undo brings them back)</source>
        <translation>tynnu&apos;r asedau a ddewiswyd (mae dadwneud yn dod â nhw&apos;n ôl)</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>&amp;Clirio&apos;r dewis</translation>
    </message>
    <message>
        <source>clear the selection</source>
        <translation>clirio&apos;r dewis</translation>
    </message>
    <message>
        <source>&amp;Categories…</source>
        <translation>Ca&amp;tegorïau…</translation>
    </message>
    <message>
        <source>add, rename, recolour, merge</source>
        <translation>ychwanegu, ailenwi, newid lliw, cyfuno</translation>
    </message>
    <message>
        <source>Zoom to &amp;everything</source>
        <translation>Chwyddo i &amp;bopeth</translation>
    </message>
    <message>
        <source>show all areas and assets</source>
        <translation>dangos pob ardal ac ased</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Chwyddo i&apos;r &amp;dewis</translation>
    </message>
    <message>
        <source>show the selected assets</source>
        <translation>dangos yr asedau a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Chwilio…</translation>
    </message>
    <message>
        <source>find an asset, an area, a street or a postcode by name</source>
        <translation>dod o hyd i ased, ardal, stryd neu god post yn ôl ei enw</translation>
    </message>
    <message>
        <source>Find &amp;gaps</source>
        <translation>Canfod &amp;bylchau</translation>
    </message>
    <message>
        <source>which areas are far from the assets they need</source>
        <translation>pa ardaloedd sy&apos;n bell o&apos;r asedau sydd eu hangen arnynt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Agor &amp;diweddar</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>Agor prosiect &amp;enghreifftiol</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <source>Zoom to &amp;area set</source>
        <translation>Chwyddo i &amp;set o ardaloedd</translation>
    </message>
    <message>
        <source>Colour areas by &amp;indicator…</source>
        <translation>Lliwio ardaloedd yn ôl dan&amp;gosydd…</translation>
    </message>
    <message>
        <source>draw population, deprivation or any joined figure as a choropleth</source>
        <translation>lluniadu poblogaeth, amddifadedd neu unrhyw ffigur cysylltiedig fel map coropleth</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Offer</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>Canfod &amp;dyblygion…</translation>
    </message>
    <message>
        <source>assets entered twice, to merge</source>
        <translation>asedau a roddwyd i mewn ddwywaith, i&apos;w cyfuno</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Dadansoddi</translation>
    </message>
    <message>
        <source>&amp;Outcomes…</source>
        <translation>&amp;Canlyniadau…</translation>
    </message>
    <message>
        <source>the outcomes agreed, and how far the areas meet them</source>
        <translation>y canlyniadau y cytunwyd arnynt, a pha mor bell y mae&apos;r ardaloedd yn eu cyflawni</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Dadwneud</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ailwneud</translation>
    </message>
    <message>
        <source>Nothing was undone</source>
        <translation>Ni ddadwnaed dim</translation>
    </message>
    <message>
        <source>Nothing was redone</source>
        <translation>Ni ailwnaed dim</translation>
    </message>
</context>
<context>
    <name>Recent</name>
    <message>
        <source>No recent projects</source>
        <translation>Dim prosiectau diweddar</translation>
    </message>
    <message>
        <source>the projects you open are listed here</source>
        <translation>mae&apos;r prosiectau y byddwch yn eu hagor yn cael eu rhestru yma</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source> by {name}</source>
        <translation> gan {name}</translation>
    </message>
    <message>
        <source>Made with assetmap {version} on {date}{by}.</source>
        <translation>Gwnaed gydag assetmap {version} ar {date}{by}.</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Ffynonellau:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source> How the figures were made, and the gaps to look at first, follow.</source>
        <translation> Mae sut y lluniwyd y ffigurau, a&apos;r bylchau i edrych arnynt yn gyntaf, yn dilyn.</translation>
    </message>
    <message>
        <source>How the figures were made</source>
        <translation>Sut y lluniwyd y ffigurau</translation>
    </message>
    <message>
        <source>Summary by category</source>
        <translation>Crynodeb fesul categori</translation>
    </message>
    <message>
        <source>The gaps to look at first</source>
        <translation>Y bylchau i edrych arnynt yn gyntaf</translation>
    </message>
    <message>
        <source>{label}: {gaps:,} of {areas:,} areas have a gap</source>
        <translation>{label}: mae gan {gaps:,} o {areas:,} ardal fwlch</translation>
    </message>
    <message>
        <source>No area has a gap.</source>
        <translation>Nid oes bwlch gan unrhyw ardal.</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Tudalen {number} o {total}</translation>
    </message>
    <message>
        <source>Agreed outcomes</source>
        <translation>Canlyniadau y cytunwyd arnynt</translation>
    </message>
    <message>
        <source>Each outcome as last evaluated against the gap analysis (Analysis ▸ Outcomes, or assetmap outcomes): an area meets it when the analysis finds no gap there in its category at its distance and coverage threshold.</source>
        <translation>Pob canlyniad fel y&apos;i gwerthuswyd ddiwethaf yn erbyn y dadansoddiad bylchau (Dadansoddi ▸ Canlyniadau, neu assetmap outcomes): mae ardal yn ei gyflawni pan nad yw&apos;r dadansoddiad yn canfod bwlch yno yn ei gategori, ar ei bellter a&apos;i drothwy cwmpas.</translation>
    </message>
    <message>
        <source>not evaluated yet</source>
        <translation>heb ei werthuso eto</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Areas meeting it</source>
        <translation>Ardaloedd sy&apos;n ei gyflawni</translation>
    </message>
    <message>
        <source>People meeting it</source>
        <translation>Pobl sy&apos;n ei gyflawni</translation>
    </message>
    <message>
        <source>Since the run before</source>
        <translation>Ers y rhediad blaenorol</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Gwerthuswyd</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Dyddiad targed</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>S&amp;hare</source>
        <translation>R&amp;hannu</translation>
    </message>
    <message>
        <source>&amp;Publish to a database…</source>
        <translation>&amp;Cyhoeddi i gronfa ddata…</translation>
    </message>
    <message>
        <source>Put this project on a PostgreSQL/PostGIS server as the team&apos;s shared map</source>
        <translation>Rhoi&apos;r prosiect hwn ar weinydd PostgreSQL/PostGIS fel map a rennir gan y tîm</translation>
    </message>
    <message>
        <source>&amp;Sync with the shared map</source>
        <translation>Cy&amp;soni â&apos;r map a rennir</translation>
    </message>
    <message>
        <source>Send this laptop&apos;s changes to the shared map and bring everyone else&apos;s here</source>
        <translation>Anfon newidiadau&apos;r gliniadur hwn i&apos;r map a rennir a dod â newidiadau pawb arall yma</translation>
    </message>
    <message>
        <source>Sync with the shared map</source>
        <translation>Cysoni â&apos;r map a rennir</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wrthi&apos;n cysoni…</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>heb ei gysoni erioed</translation>
    </message>
    <message>
        <source> · {n} to send</source>
        <translation> · {n} i&apos;w hanfon</translation>
    </message>
    <message>
        <source>Sync ({when}{tail})</source>
        <translation>Cysoni ({when}{tail})</translation>
    </message>
    <message>
        <source>Syncing with the shared map…</source>
        <translation>Wrthi&apos;n cysoni â&apos;r map a rennir…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Cysoni</translation>
    </message>
    <message>
        <source>Could not sync</source>
        <translation>Methu cysoni</translation>
    </message>
    <message>
        <source>Sync: both changed the same fields</source>
        <translation>Cysoni: newidiodd y ddau yr un meysydd</translation>
    </message>
    <message>
        <source>Sync: password</source>
        <translation>Cysoni: cyfrinair</translation>
    </message>
    <message>
        <source>{said}

Password for the shared map:</source>
        <translation>{said}

Cyfrinair ar gyfer y map a rennir:</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <source>Tools</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”</source>
        <translation>Dim wedi&apos;i ganfod ar gyfer “{text}”</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Click an asset or an area to see it; drag a box to select several.</source>
        <translation>Cliciwch ar ased neu ardal i&apos;w weld; llusgwch flwch i ddewis sawl un.</translation>
    </message>
    <message>
        <source>Drag to move the map. Wheel zooms; arrow keys pan.</source>
        <translation>Llusgwch i symud y map. Mae&apos;r olwyn yn chwyddo; mae&apos;r bysellau saeth yn symud y map.</translation>
    </message>
    <message>
        <source>Click on the map where the new asset is, or move the map under the cross-hair with the arrow keys and press Enter.</source>
        <translation>Cliciwch ar y map lle mae&apos;r ased newydd, neu symudwch y map o dan y groes-wallt gyda&apos;r bysellau saeth a phwyso Enter.</translation>
    </message>
    <message>
        <source>Drag an asset to its new place, or move the selected one with the arrow keys (Shift for larger steps) and press Enter (Escape cancels).</source>
        <translation>Llusgwch ased i&apos;w le newydd, neu symudwch yr un a ddewiswyd gyda&apos;r bysellau saeth (Shift am gamau mwy) a phwyso Enter (mae Escape yn canslo).</translation>
    </message>
    <message>
        <source>Click on the map where this asset is, or press Enter to put it at the cross-hair (Escape cancels).</source>
        <translation>Cliciwch ar y map lle mae&apos;r ased hwn, neu pwyswch Enter i&apos;w roi wrth y groes-wallt (mae Escape yn canslo).</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Dewis</translation>
    </message>
    <message>
        <source>click an asset or area to see it; drag a box to select</source>
        <translation>cliciwch ar ased neu ardal i&apos;w weld; llusgwch flwch i ddewis</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Symud y map</translation>
    </message>
    <message>
        <source>drag the map; the arrow keys pan too</source>
        <translation>llusgwch y map; mae&apos;r bysellau saeth yn ei symud hefyd</translation>
    </message>
    <message>
        <source>Add asset</source>
        <translation>Ychwanegu ased</translation>
    </message>
    <message>
        <source>click the map where the new asset is</source>
        <translation>cliciwch ar y map lle mae&apos;r ased newydd</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Symud</translation>
    </message>
    <message>
        <source>drag an asset to its new place</source>
        <translation>llusgwch ased i&apos;w le newydd</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to assetmap</source>
        <translation>Croeso i assetmap</translation>
    </message>
    <message>
        <source>Map a neighbourhood&apos;s community assets, find the places far from what they need, and gather what people know in a workshop. Everything works offline.</source>
        <translation>Mapiwch asedau cymunedol cymdogaeth, canfyddwch y lleoedd sy&apos;n bell o&apos;r hyn sydd ei angen arnynt, a chasglwch yr hyn y mae pobl yn ei wybod mewn gweithdy. Mae popeth yn gweithio all-lein.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Prosiectau diweddar</translation>
    </message>
    <message>
        <source>Projects you open will be listed here.</source>
        <translation>Bydd y prosiectau y byddwch yn eu hagor yn cael eu rhestru yma.</translation>
    </message>
    <message>
        <source>Three jobs assetmap does</source>
        <translation>Tair tasg y mae assetmap yn eu gwneud</translation>
    </message>
    <message>
        <source>Map assets</source>
        <translation>Mapio asedau</translation>
    </message>
    <message>
        <source>Choose &lt;b&gt;Add asset&lt;/b&gt; (A) and click the map, or import a spreadsheet of services (File ▸ Import ▸ Assets: postcodes are enough). Click an asset to see and edit it.</source>
        <translation>Dewiswch &lt;b&gt;Ychwanegu ased&lt;/b&gt; (A) a chliciwch ar y map, neu mewnforiwch daenlen o wasanaethau (Ffeil ▸ Mewnforio ▸ Asedau: mae codau post yn ddigon). Cliciwch ar ased i&apos;w weld a&apos;i olygu.</translation>
    </message>
    <message>
        <source>Find gaps</source>
        <translation>Canfod bylchau</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Find gaps&lt;/b&gt; (Ctrl+G), choose the categories and the distance (800 m is about a ten-minute walk): the areas far from them are ranked, weighted by need.</source>
        <translation>Pwyswch &lt;b&gt;Canfod bylchau&lt;/b&gt; (Ctrl+G), dewiswch y categorïau a&apos;r pellter (mae 800 m tua deng munud o gerdded): mae&apos;r ardaloedd sy&apos;n bell ohonynt yn cael eu rhestru yn ôl trefn, wedi&apos;u pwysoli yn ôl angen.</translation>
    </message>
    <message>
        <source>Run a workshop</source>
        <translation>Cynnal gweithdy</translation>
    </message>
    <message>
        <source>Workshop ▸ New session shares the map with phones on the room&apos;s network (no internet); you approve each pin people drop, and View ▸ Present puts it on a projector.</source>
        <translation>Mae Gweithdy ▸ Sesiwn newydd yn rhannu&apos;r map â ffonau ar rwydwaith yr ystafell (heb y rhyngrwyd); rydych chi&apos;n cymeradwyo pob pin y mae pobl yn ei ollwng, ac mae Gweld ▸ Cyflwyno yn ei ddangos ar daflunydd.</translation>
    </message>
    <message>
        <source>Read the user guide (F1)</source>
        <translation>Darllen y canllaw defnyddwyr (F1)</translation>
    </message>
    <message>
        <source>Go to the map: {name}</source>
        <translation>Mynd i&apos;r map: {name}</translation>
    </message>
    <message>
        <source>Open the Trafford demo</source>
        <translation>Agor enghraifft Trafford</translation>
    </message>
    <message>
        <source>501 assets in 139 neighbourhoods, ready for a gap analysis</source>
        <translation>501 o asedau mewn 139 o gymdogaethau, yn barod ar gyfer dadansoddiad bylchau</translation>
    </message>
    <message>
        <source>Open the Rutland demo</source>
        <translation>Agor enghraifft Rutland</translation>
    </message>
    <message>
        <source>streets and places drawn offline: no network needed</source>
        <translation>strydoedd a lleoedd wedi&apos;u lluniadu all-lein: dim angen rhwydwaith</translation>
    </message>
    <message>
        <source>New project for a place…</source>
        <translation>Prosiect newydd ar gyfer lle…</translation>
    </message>
    <message>
        <source>any local authority in England or Wales, in one step</source>
        <translation>unrhyw awdurdod lleol yng Nghymru neu Loegr, mewn un cam</translation>
    </message>
    <message>
        <source>New project from your boundary file…</source>
        <translation>Prosiect newydd o&apos;ch ffeil ffiniau…</translation>
    </message>
    <message>
        <source>your own neighbourhoods, from a GeoPackage, GeoJSON or Shapefile</source>
        <translation>eich cymdogaethau eich hun, o GeoPackage, GeoJSON neu Shapefile</translation>
    </message>
    <message>
        <source>Open a project file…</source>
        <translation>Agor ffeil prosiect…</translation>
    </message>
    <message>
        <source>an assetmap project (.gpkg) on this computer</source>
        <translation>prosiect assetmap (.gpkg) ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Go to the map</source>
        <translation>Mynd i&apos;r map</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Tudalen groeso</translation>
    </message>
    <message>
        <source>the ways to begin, recent projects and the three jobs</source>
        <translation>y ffyrdd o ddechrau, prosiectau diweddar a&apos;r tair tasg</translation>
    </message>
    <message>
        <source>Welcome page — the ways to begin and the three jobs</source>
        <translation>Tudalen groeso — y ffyrdd o ddechrau a&apos;r tair tasg</translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message>
        <source>start a workshop session: its pins are kept apart from verified data</source>
        <translation>dechrau sesiwn gweithdy: cedwir ei phinnau ar wahân i ddata wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>let phones on the room&apos;s network drop pins on the map</source>
        <translation>gadael i ffonau ar rwydwaith yr ystafell ollwng pinnau ar y map</translation>
    </message>
    <message>
        <source>phones can no longer reach the map; the session stays open</source>
        <translation>ni all ffonau gyrraedd y map mwyach; mae&apos;r sesiwn yn aros ar agor</translation>
    </message>
    <message>
        <source>close the session: no more pins, its contributions are kept</source>
        <translation>cau&apos;r sesiwn: dim rhagor o binnau, cedwir ei chyfraniadau</translation>
    </message>
    <message>
        <source>the session&apos;s contributions and tally, as a file</source>
        <translation>cyfraniadau a chyfrif y sesiwn, fel ffeil</translation>
    </message>
    <message>
        <source>the session, the phones&apos; address and the pins waiting for review</source>
        <translation>y sesiwn, y cyfeiriad i&apos;r ffonau a&apos;r pinnau sy&apos;n aros i&apos;w hadolygu</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Gweithdy</translation>
    </message>
    <message>
        <source>Workshop panel</source>
        <translation>Panel y gweithdy</translation>
    </message>
    <message>
        <source>show or hide the Workshop panel</source>
        <translation>dangos neu guddio panel y gweithdy</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>Gw&amp;eithdy</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>Sesiwn &amp;newydd…</translation>
    </message>
    <message>
        <source>&amp;Start sharing</source>
        <translation>&amp;Dechrau rhannu</translation>
    </message>
    <message>
        <source>S&amp;top sharing</source>
        <translation>&amp;Stopio rhannu</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>&amp;Gorffen y sesiwn</translation>
    </message>
    <message>
        <source>E&amp;xport session summary…</source>
        <translation>&amp;Allforio crynodeb y sesiwn…</translation>
    </message>
    <message>
        <source>Show the &amp;Workshop panel</source>
        <translation>Dangos &amp;panel y gweithdy</translation>
    </message>
    <message>
        <source> · {new} new</source>
        <translation> · {new} newydd</translation>
    </message>
    <message>
        <source>The session was not started</source>
        <translation>Ni ddechreuwyd y sesiwn</translation>
    </message>
</context>
<context>
    <name>Zoom</name>
    <message>
        <source>That asset is not on the map yet: place it first.</source>
        <translation>Nid yw&apos;r ased hwnnw ar y map eto: gosodwch ef yn gyntaf.</translation>
    </message>
    <message>
        <source>Area {code} is not on the map.</source>
        <translation>Nid yw ardal {code} ar y map.</translation>
    </message>
    <message>
        <source>“{label}” is not on the map yet.</source>
        <translation>Nid yw “{label}” ar y map eto.</translation>
    </message>
    <message>
        <source>show all of {name}</source>
        <translation>dangos y cyfan o {name}</translation>
    </message>
    <message>
        <source>No area sets yet</source>
        <translation>Dim setiau o ardaloedd eto</translation>
    </message>
    <message>
        <source>import neighbourhoods to zoom to them</source>
        <translation>mewnforiwch gymdogaethau i chwyddo iddynt</translation>
    </message>
</context>
</TS>
