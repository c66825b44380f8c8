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
    <name>App</name>
    <message>
        <source>Could not open the project</source>
        <translation>Methu agor y prosiect</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Heb deitl</translation>
    </message>
</context>
<context>
    <name>AssetCard</name>
    <message>
        <source>Click an asset on the map to see its details.</source>
        <translation>Cliciwch ar ased ar y map i weld ei fanylion.</translation>
    </message>
    <message>
        <source>Click an empty spot in a neighbourhood to see its figures.</source>
        <translation>Cliciwch ar fan gwag mewn cymdogaeth i weld ei ffigurau.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Gweithredol</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi cau</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Arfaethedig</translation>
    </message>
    <message>
        <source>Rename field…</source>
        <translation>Ailenwi&apos;r maes…</translation>
    </message>
    <message>
        <source>Asset details</source>
        <translation>Manylion yr ased</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Golygu…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Symud</translation>
    </message>
    <message>
        <source>Zoom to</source>
        <translation>Chwyddo iddo</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Dileu…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Gwrthod</translation>
    </message>
    <message>
        <source>Approve into the map (Edit ▸ Undo takes it back)</source>
        <translation>Cymeradwyo i&apos;r map (mae Golygu ▸ Dadwneud yn ei dynnu&apos;n ôl)</translation>
    </message>
    <message>
        <source>Reject: kept in the table, no longer drawn on the map</source>
        <translation>Gwrthod: caiff ei gadw yn y tabl, ond ni chaiff ei luniadu ar y map mwyach</translation>
    </message>
    <message>
        <source>Category: {text}</source>
        <translation>Categori: {text}</translation>
    </message>
    <message>
        <source>Not placed on the map</source>
        <translation>Heb ei osod ar y map</translation>
    </message>
    <message>
        <source>Outside the project&apos;s areas</source>
        <translation>Y tu allan i ardaloedd y prosiect</translation>
    </message>
    <message>
        <source>Personal data, as everything in {category}: kept out of exports unless chosen</source>
        <translation>Data personol, fel popeth yn {category}: caiff ei gadw allan o allforion oni bai ei fod yn cael ei ddewis</translation>
    </message>
    <message>
        <source>Personal data: kept out of exports unless chosen</source>
        <translation>Data personol: caiff ei gadw allan o allforion oni bai ei fod yn cael ei ddewis</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Yn aros am adolygiad</translation>
    </message>
    <message>
        <source>Rejected in review</source>
        <translation>Gwrthodwyd wrth adolygu</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Gwefan</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Oriau agor</translation>
    </message>
    <message>
        <source>Who it&apos;s for</source>
        <translation>Ar gyfer pwy</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Heb ei wirio</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>Gwiriwyd ar</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Tarddiad</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Gweithdy</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>A workshop session</source>
        <translation>Sesiwn gweithdy</translation>
    </message>
    <message>
        <source>{session}, by {name}</source>
        <translation>{session}, gan {name}</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>Rhagor o fanylion</translation>
    </message>
    <message>
        <source>From the column &apos;{name}&apos;. Right-click to rename this field.</source>
        <translation>O&apos;r golofn &apos;{name}&apos;. De-gliciwch i ailenwi&apos;r maes hwn.</translation>
    </message>
    <message>
        <source>From the source. Right-click to rename this field.</source>
        <translation>O&apos;r ffynhonnell. De-gliciwch i ailenwi&apos;r maes hwn.</translation>
    </message>
    <message>
        <source>Rename field</source>
        <translation>Ailenwi&apos;r maes</translation>
    </message>
    <message>
        <source>New name for “{label}” (on every asset):</source>
        <translation>Enw newydd ar gyfer “{label}” (ar bob ased):</translation>
    </message>
    <message>
        <source>Could not rename the field</source>
        <translation>Methu ailenwi&apos;r maes</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Lluniau</translation>
    </message>
    <message>
        <source>{file}: click to see it larger</source>
        <translation>{file}: cliciwch i&apos;w weld yn fwy</translation>
    </message>
    <message>
        <source>Photo {title}</source>
        <translation>Llun {title}</translation>
    </message>
    <message>
        <source>Place on map</source>
        <translation>Gosod ar y map</translation>
    </message>
    <message>
        <source>Drag the asset to its right place on the map</source>
        <translation>Llusgwch yr ased i&apos;w le cywir ar y map</translation>
    </message>
    <message>
        <source>Click the map where this asset is</source>
        <translation>Cliciwch ar y map lle mae&apos;r ased hwn</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Golygu {name}</translation>
    </message>
    <message>
        <source>{action}: {name}</source>
        <translation>{action}: {name}</translation>
    </message>
    <message>
        <source>Zoom to {name}</source>
        <translation>Chwyddo i {name}</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>Dileu {name}</translation>
    </message>
    <message>
        <source>Approve {name}</source>
        <translation>Cymeradwyo {name}</translation>
    </message>
    <message>
        <source>Reject {name}</source>
        <translation>Gwrthod {name}</translation>
    </message>
    <message>
        <source>Delete asset</source>
        <translation>Dileu ased</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>Dileu “{name}”?</translation>
    </message>
    <message>
        <source>It goes from the map, the table and the analysis. Edit ▸ Undo brings it back.</source>
        <translation>Bydd yn diflannu o&apos;r map, y tabl a&apos;r dadansoddiad. Mae Golygu ▸ Dadwneud yn dod ag ef yn ôl.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Ei gadw</translation>
    </message>
    <message>
        <source>Could not delete the asset</source>
        <translation>Methu dileu&apos;r ased</translation>
    </message>
    <message>
        <source>{n:,} assets selected</source>
        <translation>{n:,} ased wedi&apos;u dewis</translation>
    </message>
    <message>
        <source>Selected assets</source>
        <translation>Asedau a ddewiswyd</translation>
    </message>
    <message>
        <source>…and {n:,} more</source>
        <translation>…a {n:,} arall</translation>
    </message>
    <message>
        <source>Click a name to see that asset on its own.</source>
        <translation>Cliciwch ar enw i weld yr ased hwnnw ar ei ben ei hun.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Arwynebedd</translation>
    </message>
    <message>
        <source>Assets in this area</source>
        <translation>Asedau yn yr ardal hon</translation>
    </message>
    <message>
        <source>None on the map here yet.</source>
        <translation>Dim ar y map yma eto.</translation>
    </message>
    <message>
        <source>All assets</source>
        <translation>Pob ased</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source> by {name}</source>
        <translation> gan {name}</translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation> ar {date}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>AssetTable</name>
    <message>
        <source>Active</source>
        <translation>Gweithredol</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi cau</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Arfaethedig</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Heb ei osod</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Not on the map yet: use &apos;Place on map&apos; to give it a location</source>
        <translation>Nid yw ar y map eto: defnyddiwch &apos;Gosod ar y map&apos; i roi lleoliad iddo</translation>
    </message>
    <message>
        <source>Unknown category &apos;{key}&apos;</source>
        <translation>Categori anhysbys &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>Nid yw &apos;{text}&apos; yn rhif</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Gwefan</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Oriau agor</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>Gwiriwyd ar</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Wedi&apos;i osod</translation>
    </message>
    <message>
        <source>Whether the asset has a location on the map</source>
        <translation>A oes gan yr ased leoliad ar y map</translation>
    </message>
    <message>
        <source>Out of area</source>
        <translation>Y tu allan i&apos;r ardal</translation>
    </message>
    <message>
        <source>Placed outside every imported area</source>
        <translation>Wedi&apos;i osod y tu allan i bob ardal a fewnforiwyd</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Data personol</translation>
    </message>
    <message>
        <source>About a person: left out of exports unless you opt in</source>
        <translation>Am unigolyn: caiff ei adael allan o allforion oni bai eich bod yn dewis ei gynnwys</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>Whether the asset is approved into the map; workshop pins wait until approved</source>
        <translation>A yw&apos;r ased wedi&apos;i gymeradwyo i&apos;r map; mae pinnau gweithdy yn aros nes eu cymeradwyo</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Tarddiad</translation>
    </message>
    <message>
        <source>How the asset came into the project</source>
        <translation>Sut y daeth yr ased i&apos;r prosiect</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>Daeth o</translation>
    </message>
    <message>
        <source>The file (and its row), the person, workshop session, copy or database</source>
        <translation>Y ffeil (a&apos;i rhes), y person, y sesiwn gweithdy, y copi neu&apos;r gronfa ddata</translation>
    </message>
    <message>
        <source>From the column &apos;{name}&apos; from {source}</source>
        <translation>O&apos;r golofn &apos;{name}&apos; o {source}</translation>
    </message>
    <message>
        <source>From the column &apos;{name}&apos;</source>
        <translation>O&apos;r golofn &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Choose category</source>
        <translation>Dewis categori</translation>
    </message>
    <message>
        <source>Choose status</source>
        <translation>Dewis statws</translation>
    </message>
    <message>
        <source>Choose review</source>
        <translation>Dewis cyflwr adolygu</translation>
    </message>
    <message>
        <source>Show category</source>
        <translation>Dangos categori</translation>
    </message>
    <message>
        <source>Show only assets of one category</source>
        <translation>Dangos asedau un categori yn unig</translation>
    </message>
    <message>
        <source>Filter assets…</source>
        <translation>Hidlo asedau…</translation>
    </message>
    <message>
        <source>Filter assets</source>
        <translation>Hidlo asedau</translation>
    </message>
    <message>
        <source>Matches name, address, postcode and description</source>
        <translation>Yn chwilio&apos;r enw, y cyfeiriad, y cod post a&apos;r disgrifiad</translation>
    </message>
    <message>
        <source>Show review state</source>
        <translation>Dangos cyflwr adolygu</translation>
    </message>
    <message>
        <source>Any review state</source>
        <translation>Unrhyw gyflwr adolygu</translation>
    </message>
    <message>
        <source>Show only approved assets, those awaiting review, or rejected</source>
        <translation>Dangos dim ond asedau a gymeradwywyd, rhai sy&apos;n aros am adolygiad, neu rai a wrthodwyd</translation>
    </message>
    <message>
        <source>Show origin</source>
        <translation>Dangos tarddiad</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>Unrhyw darddiad</translation>
    </message>
    <message>
        <source>Show only imported assets, those added here, and so on</source>
        <translation>Dangos dim ond asedau a fewnforiwyd, rhai a ychwanegwyd yma, ac ati</translation>
    </message>
    <message>
        <source>Only selected</source>
        <translation>Y rhai a ddewiswyd yn unig</translation>
    </message>
    <message>
        <source>Show only the assets selected on the map</source>
        <translation>Dangos dim ond yr asedau a ddewiswyd ar y map</translation>
    </message>
    <message>
        <source>Only unplaced</source>
        <translation>Y rhai heb eu gosod yn unig</translation>
    </message>
    <message>
        <source>Show only assets that have no location on the map yet</source>
        <translation>Dangos dim ond asedau sydd heb leoliad ar y map eto</translation>
    </message>
    <message>
        <source>Due for checking</source>
        <translation>I&apos;w gwirio</translation>
    </message>
    <message>
        <source>Show only assets last checked longer ago than their category&apos;s review interval</source>
        <translation>Dangos dim ond asedau a wiriwyd ddiwethaf yn hwy yn ôl na chyfnod adolygu eu categori</translation>
    </message>
    <message>
        <source>Assets shown</source>
        <translation>Asedau a ddangosir</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} assets</source>
        <translation>{shown:,} o {total:,} ased</translation>
    </message>
    <message>
        <source>Assets table</source>
        <translation>Tabl asedau</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Pob categori</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} asset</source>
        <translation>{shown:,} o {total:,} ased</translation>
    </message>
    <message>
        <source>{total:,} asset</source>
        <translation>{total:,} ased</translation>
    </message>
    <message>
        <source>{total:,} assets</source>
        <translation>{total:,} ased</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Gwrthod</translation>
    </message>
    <message>
        <source>Back to awaiting review</source>
        <translation>Yn ôl i aros am adolygiad</translation>
    </message>
    <message>
        <source>Mark as checked today</source>
        <translation>Nodi wedi&apos;i wirio heddiw</translation>
    </message>
    <message>
        <source>Could not mark as checked</source>
        <translation>Methu nodi wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>{field} not changed</source>
        <translation>Ni newidiwyd {field}</translation>
    </message>
    <message>
        <source>{field}: {message}.

The cell keeps its old value.</source>
        <translation>{field}: {message}.

Mae&apos;r gell yn cadw ei hen werth.</translation>
    </message>
    <message>
        <source>{verb} ({count:,} selected)</source>
        <translation>{verb} ({count:,} wedi&apos;u dewis)</translation>
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
    <name>GapChart</name>
    <message>
        <source>{label}: the {n} gaps to look at first</source>
        <translation>{label}: y {n} bwlch i edrych arnynt yn gyntaf</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>gap below {threshold:g} %</source>
        <translation>bwlch o dan {threshold:g} %</translation>
    </message>
    <message>
        <source>Area within {distance:,.0f} m of an asset (%)</source>
        <translation>Arwynebedd o fewn {distance:,.0f} m i ased (%)</translation>
    </message>
    <message>
        <source>Assets per 1,000 people</source>
        <translation>Asedau fesul 1,000 o bobl</translation>
    </message>
    <message>
        <source>{axis}; need: {field}</source>
        <translation>{axis}; angen: {field}</translation>
    </message>
    <message>
        <source>No need or provision figure</source>
        <translation>Dim ffigur angen na darpariaeth</translation>
    </message>
    <message>
        <source>of {n:,}</source>
        <translation>o {n:,}</translation>
    </message>
    <message>
        <source>Areas with a gap, by category</source>
        <translation>Ardaloedd â bwlch, fesul categori</translation>
    </message>
    <message>
        <source>Areas with a gap</source>
        <translation>Ardaloedd â bwlch</translation>
    </message>
    <message>
        <source>Gap chart</source>
        <translation>Siart bylchau</translation>
    </message>
    <message>
        <source>No gaps to chart.</source>
        <translation>Dim bylchau i&apos;w dangos ar siart.</translation>
    </message>
    <message>
        <source>{title}. {axis}: {values}.</source>
        <translation>{title}. {axis}: {values}.</translation>
    </message>
    <message>
        <source>no figure</source>
        <translation>dim ffigur</translation>
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
    <name>History</name>
    <message>
        <source>Undo history</source>
        <translation>Hanes dadwneud</translation>
    </message>
    <message>
        <source>Click an entry to undo back to it. Every change is already saved.</source>
        <translation>Cliciwch ar gofnod i ddadwneud yn ôl ato. Mae pob newid eisoes wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Project opened</source>
        <translation>Agorwyd y prosiect</translation>
    </message>
    <message>
        <source>Undone: click to redo up to here</source>
        <translation>Wedi&apos;i ddadwneud: cliciwch i ailwneud hyd at yma</translation>
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
    <name>Keyboard</name>
    <message>
        <source>Add asset at a postcode or coordinates…</source>
        <translation>Ychwanegu ased mewn cod post neu gyfesurynnau…</translation>
    </message>
    <message>
        <source>type where the new asset is instead of clicking the map</source>
        <translation>teipio lle mae&apos;r ased newydd yn lle clicio ar y map</translation>
    </message>
    <message>
        <source>Go to a postcode or coordinates…</source>
        <translation>Mynd i god post neu gyfesurynnau…</translation>
    </message>
    <message>
        <source>centre the map on a typed postcode or coordinates</source>
        <translation>canoli&apos;r map ar god post neu gyfesurynnau a deipiwyd</translation>
    </message>
    <message>
        <source>Edit asset…</source>
        <translation>Golygu ased…</translation>
    </message>
    <message>
        <source>open the form of the selected asset</source>
        <translation>agor ffurflen yr ased a ddewiswyd</translation>
    </message>
    <message>
        <source>Select one asset first (Find it with Ctrl+F, or press Enter on the map)</source>
        <translation>Dewiswch un ased yn gyntaf (chwiliwch amdano gyda Ctrl+F, neu pwyswch Enter ar y map)</translation>
    </message>
    <message>
        <source>Next panel</source>
        <translation>Y panel nesaf</translation>
    </message>
    <message>
        <source>move the keyboard to the next of the map, the Find box and the panels</source>
        <translation>symud y bysellfwrdd i&apos;r nesaf o blith y map, y blwch Chwilio a&apos;r paneli</translation>
    </message>
    <message>
        <source>Previous panel</source>
        <translation>Y panel blaenorol</translation>
    </message>
    <message>
        <source>move the keyboard back to the previous panel</source>
        <translation>symud y bysellfwrdd yn ôl i&apos;r panel blaenorol</translation>
    </message>
    <message>
        <source>&amp;Where is it?</source>
        <translation>&amp;Ble mae&apos;r lle?</translation>
    </message>
    <message>
        <source>Postcode or coordinates</source>
        <translation>Cod post neu gyfesurynnau</translation>
    </message>
    <message>
        <source>Type a postcode such as M32 0TA, latitude and longitude such as 53.45, -2.31, or easting and northing such as 379500, 394200.</source>
        <translation>Teipiwch god post fel M32 0TA, lledred a hydred fel 53.45, -2.31, neu ddwyreiniad a gogleddiad fel 379500, 394200.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Add an asset at…</source>
        <translation>Ychwanegu ased yn…</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Mynd i…</translation>
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
    <name>LayerStyle</name>
    <message>
        <source>Light grey-blue</source>
        <translation>Llwydlas golau</translation>
    </message>
    <message>
        <source>Light sand</source>
        <translation>Tywodlyd golau</translation>
    </message>
    <message>
        <source>Light green</source>
        <translation>Gwyrdd golau</translation>
    </message>
    <message>
        <source>Light mauve</source>
        <translation>Porffor golau</translation>
    </message>
    <message>
        <source>Mid grey</source>
        <translation>Llwyd canolig</translation>
    </message>
    <message>
        <source>Dark grey</source>
        <translation>Llwyd tywyll</translation>
    </message>
    <message>
        <source>Near black</source>
        <translation>Bron yn ddu</translation>
    </message>
    <message>
        <source>Style of “{name}”</source>
        <translation>Arddull “{name}”</translation>
    </message>
    <message>
        <source>&amp;No fill (outlines only)</source>
        <translation>&amp;Dim llenwad (amlinellau yn unig)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Lliw llenwi</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>Lliw amlinell</translation>
    </message>
    <message>
        <source>Outline width</source>
        <translation>Lled amlinell</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Didreiddedd</translation>
    </message>
    <message>
        <source>Show area &amp;labels</source>
        <translation>Dangos labeli a&amp;rdaloedd</translation>
    </message>
    <message>
        <source>Fill opacity over the basemap</source>
        <translation>Didreiddedd y llenwad dros y map sylfaen</translation>
    </message>
    <message>
        <source>Over a basemap the fill is see-through, so streets and places show under the areas (0 % draws outlines only).</source>
        <translation>Dros fap sylfaen mae&apos;r llenwad yn dryloyw, felly mae strydoedd a lleoedd i&apos;w gweld o dan yr ardaloedd (mae 0 % yn lluniadu amlinellau yn unig).</translation>
    </message>
    <message>
        <source>Fill:</source>
        <translation>Llenwad:</translation>
    </message>
    <message>
        <source>Outline:</source>
        <translation>Amlinell:</translation>
    </message>
    <message>
        <source>Outline &amp;width:</source>
        <translation>&amp;Lled amlinell:</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>D&amp;idreiddedd:</translation>
    </message>
    <message>
        <source>Fill over the &amp;basemap:</source>
        <translation>Llenwad dros y &amp;map sylfaen:</translation>
    </message>
    <message>
        <source>Style of the basemap</source>
        <translation>Arddull y map sylfaen</translation>
    </message>
    <message>
        <source>Show &amp;place, street and water names</source>
        <translation>Dangos enwau &amp;lleoedd, strydoedd a dŵr</translation>
    </message>
    <message>
        <source>Style of the assets</source>
        <translation>Arddull yr asedau</translation>
    </message>
    <message>
        <source>Show asset &amp;names when zoomed in</source>
        <translation>Dangos &amp;enwau asedau wrth chwyddo i mewn</translation>
    </message>
    <message>
        <source>Symbol size</source>
        <translation>Maint y symbol</translation>
    </message>
    <message>
        <source>Symbol &amp;size:</source>
        <translation>&amp;Maint y symbol:</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Show &amp;empty categories</source>
        <translation>Dangos categorïau &amp;gwag</translation>
    </message>
    <message>
        <source>List categories that have no assets yet</source>
        <translation>Rhestru categorïau sydd heb asedau eto</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Haenau</translation>
    </message>
    <message>
        <source>Space shows or hides the layer. Return changes its style. Control with Up or Down changes the drawing order of neighbourhoods.</source>
        <translation>Mae Bylchwr yn dangos neu&apos;n cuddio&apos;r haen. Mae Return yn newid ei harddull. Mae Control gyda Saeth i Fyny neu i Lawr yn newid y drefn y caiff cymdogaethau eu lluniadu.</translation>
    </message>
    <message>
        <source>&amp;Style…</source>
        <translation>&amp;Arddull…</translation>
    </message>
    <message>
        <source>Change how the selected layer looks (Ctrl+E or Return)</source>
        <translation>Newid golwg yr haen a ddewiswyd (Ctrl+E neu Return)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Symud i &amp;fyny</translation>
    </message>
    <message>
        <source>Draw the selected neighbourhoods above the others (Ctrl+Up)</source>
        <translation>Lluniadu&apos;r cymdogaethau a ddewiswyd uwchben y lleill (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Symud i &amp;lawr</translation>
    </message>
    <message>
        <source>Draw the selected neighbourhoods below the others (Ctrl+Down)</source>
        <translation>Lluniadu&apos;r cymdogaethau a ddewiswyd o dan y lleill (Ctrl+Down)</translation>
    </message>
    <message>
        <source>&amp;Manage categories…</source>
        <translation>&amp;Rheoli categorïau…</translation>
    </message>
    <message>
        <source>Add, rename, recolour or merge categories</source>
        <translation>Ychwanegu, ailenwi, newid lliw neu gyfuno categorïau</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Arddull…</translation>
    </message>
    <message>
        <source>Style of the selected layer</source>
        <translation>Arddull yr haen a ddewiswyd</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>Categorïau…</translation>
    </message>
    <message>
        <source>Manage categories</source>
        <translation>Rheoli categorïau</translation>
    </message>
    <message>
        <source>Neighbourhoods</source>
        <translation>Cymdogaethau</translation>
    </message>
    <message>
        <source>{name}: {count} areas. Drag, or Ctrl+Up/Down, to change the order.</source>
        <translation>{name}: {count} ardal. Llusgwch, neu defnyddiwch Ctrl+Up/Down, i newid y drefn.</translation>
    </message>
    <message>
        <source>None yet: import boundaries from the File menu</source>
        <translation>Dim eto: mewnforiwch ffiniau o&apos;r ddewislen Ffeil</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Asedau</translation>
    </message>
    <message>
        <source>No assets yet</source>
        <translation>Dim asedau eto</translation>
    </message>
    <message>
        <source>No categories</source>
        <translation>Dim categorïau</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>Map sylfaen</translation>
    </message>
    <message>
        <source>Streets and places (OpenStreetMap)</source>
        <translation>Strydoedd a lleoedd (OpenStreetMap)</translation>
    </message>
    <message>
        <source>{imported} Areas are drawn see-through over it (their Style…).</source>
        <translation>{imported} Caiff ardaloedd eu lluniadu&apos;n dryloyw drosto (eu Harddull…).</translation>
    </message>
    <message>
        <source>No streets yet: Basemap ▸ Import OSM extract…</source>
        <translation>Dim strydoedd eto: Map sylfaen ▸ Mewnforio detholiad OSM…</translation>
    </message>
    <message>
        <source>source not found</source>
        <translation>ffynhonnell heb ei chanfod</translation>
    </message>
    <message>
        <source>Map tiles: {name}</source>
        <translation>Teils map: {name}</translation>
    </message>
    <message>
        <source>Raster tiles under the data, kept on this computer for offline use. Style… chooses where they come from.</source>
        <translation>Teils raster o dan y data, wedi&apos;u cadw ar y cyfrifiadur hwn i&apos;w defnyddio all-lein. Mae Arddull… yn dewis o ble maen nhw&apos;n dod.</translation>
    </message>
    <message>
        <source>{count} · {needs} need</source>
        <translation>{count} · {needs} angen</translation>
    </message>
    <message>
        <source>{count} · {needs} needs</source>
        <translation>{count} · {needs} angen</translation>
    </message>
    <message>
        <source>{label}: {count} assets and {needs} workshop needs (something missing here), {colour} {symbol}</source>
        <translation>{label}: {count} ased a {needs} angen o&apos;r gweithdy (rhywbeth ar goll yma), {colour} {symbol}</translation>
    </message>
    <message>
        <source>{label}: {count} assets, {colour} {symbol}</source>
        <translation>{label}: {count} ased, {colour} {symbol}</translation>
    </message>
    <message>
        <source>neighbourhoods, shown</source>
        <translation>cymdogaethau, yn y golwg</translation>
    </message>
    <message>
        <source>neighbourhoods, hidden</source>
        <translation>cymdogaethau, wedi&apos;u cuddio</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>yn y golwg</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>wedi&apos;i guddio</translation>
    </message>
    <message>
        <source>The project has no basemap yet: Basemap ▸ Import OSM extract…</source>
        <translation>Nid oes gan y prosiect fap sylfaen eto: Map sylfaen ▸ Mewnforio detholiad OSM…</translation>
    </message>
    <message>
        <source>Imported from {file} (data of {date}): {features:,} features. {credit}.</source>
        <translation>Mewnforiwyd o {file} (data {date}): {features:,} nodwedd. {credit}.</translation>
    </message>
    <message>
        <source>Imported from {file}: {features:,} features. {credit}.</source>
        <translation>Mewnforiwyd o {file}: {features:,} nodwedd. {credit}.</translation>
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
    <name>Map</name>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>The map. Arrow keys move the map under the centre cross-hair (Shift for larger steps), plus and minus zoom, Home shows everything. Enter acts at the cross-hair: shows what is there, adds or places an asset.</source>
        <translation>Y map. Mae&apos;r bysellau saeth yn symud y map o dan y groes-wallt yn y canol (Shift am gamau mwy), mae plws a minws yn chwyddo, mae Home yn dangos popeth. Mae Enter yn gweithredu wrth y groes-wallt: yn dangos beth sydd yno, yn ychwanegu ased neu&apos;n ei osod.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>All-lein</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Ar-lein</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Offline: the map shows the tiles saved on this computer.</source>
        <translation>All-lein: mae&apos;r map yn dangos y teils sydd wedi&apos;u cadw ar y cyfrifiadur hwn.</translation>
    </message>
</context>
<context>
    <name>Present</name>
    <message>
        <source>&amp;Present</source>
        <translation>C&amp;yflwyno</translation>
    </message>
    <message>
        <source>Show the map full screen for a projector (Esc leaves)</source>
        <translation>Dangos y map ar sgrin lawn ar gyfer taflunydd (mae Esc yn gadael)</translation>
    </message>
    <message>
        <source>This project has no areas to shade: import neighbourhoods first.</source>
        <extracomment>Wait this long after the last change before running again (a burst of approvals). The walking distance the shading measures coverage within (the analysis panel&apos;s default).</extracomment>
        <translation>Nid oes gan y prosiect hwn ardaloedd i&apos;w lliwio: mewnforiwch gymdogaethau yn gyntaf.</translation>
    </message>
    <message>
        <source>The gaps could not be worked out: {error}</source>
        <translation>Nid oedd modd cyfrifo&apos;r bylchau: {error}</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ased</translation>
    </message>
    <message>
        <source>This is here</source>
        <translation>Mae hwn yma</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>This is missing here</source>
        <translation>Mae hwn ar goll yma</translation>
    </message>
    <message>
        <source>Start a workshop session first (Workshop ▸ New session…): the pins added here belong to a session.</source>
        <translation>Dechreuwch sesiwn gweithdy yn gyntaf (Gweithdy ▸ Sesiwn newydd…): mae&apos;r pinnau a ychwanegir yma&apos;n perthyn i sesiwn.</translation>
    </message>
    <message>
        <source>This session has ended: start a new one (Workshop ▸ New session…) to add pins.</source>
        <translation>Mae&apos;r sesiwn hon wedi dod i ben: dechreuwch un newydd (Gweithdy ▸ Sesiwn newydd…) i ychwanegu pinnau.</translation>
    </message>
    <message>
        <source>{project} — presenting — assetmap</source>
        <translation>{project} — cyflwyno — assetmap</translation>
    </message>
    <message>
        <source>Presentation map</source>
        <translation>Map cyflwyno</translation>
    </message>
    <message>
        <source>Gaps: off</source>
        <translation>Bylchau: i ffwrdd</translation>
    </message>
    <message>
        <source>Shade one category&apos;s gaps</source>
        <translation>Lliwio bylchau un categori</translation>
    </message>
    <message>
        <source>✕ Leave</source>
        <translation>✕ Gadael</translation>
    </message>
    <message>
        <source>Leave presentation (Esc)</source>
        <translation>Gadael y cyflwyniad (Esc)</translation>
    </message>
    <message>
        <source>Choose Asset or Need and a category below, then tap the map.</source>
        <translation>Dewiswch Ased neu Angen a chategori isod, yna tapiwch y map.</translation>
    </message>
    <message>
        <source>Added: {kind}, {category}. Tap again to add another.</source>
        <translation>Ychwanegwyd: {kind}, {category}. Tapiwch eto i ychwanegu un arall.</translation>
    </message>
    <message>
        <source>Tap the map to add a need: {category}</source>
        <translation>Tapiwch y map i ychwanegu angen: {category}</translation>
    </message>
    <message>
        <source>Tap the map to add an asset: {category}</source>
        <translation>Tapiwch y map i ychwanegu ased: {category}</translation>
    </message>
    <message>
        <source>No shading</source>
        <translation>Dim lliwio</translation>
    </message>
    <message>
        <source>off</source>
        <translation>i ffwrdd</translation>
    </message>
    <message>
        <source>Gaps: {category}</source>
        <translation>Bylchau: {category}</translation>
    </message>
    <message>
        <source>Shaded: gaps in {category} (less than half of the area within {distance:.0f} m of one)</source>
        <translation>Wedi&apos;u lliwio: bylchau yn {category} (llai na hanner yr arwynebedd o fewn {distance:.0f} m i un)</translation>
    </message>
    <message>
        <source>Session time</source>
        <translation>Amser y sesiwn</translation>
    </message>
    <message>
        <source>assets</source>
        <translation>asedau</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>anghenion</translation>
    </message>
    <message>
        <source>and {count} more in 1 other category</source>
        <translation>a {count} arall mewn 1 categori arall</translation>
    </message>
    <message>
        <source>and {count} more in {n} other categories</source>
        <translation>a {count} arall mewn {n} categori arall</translation>
    </message>
    <message>
        <source>No pins yet: tap a category below, then the map.</source>
        <translation>Dim pinnau eto: tapiwch gategori isod, yna&apos;r map.</translation>
    </message>
    <message>
        <source>Join from your phone</source>
        <translation>Ymunwch o&apos;ch ffôn</translation>
    </message>
    <message>
        <source>QR code of the join address</source>
        <translation>Cod QR y cyfeiriad ymuno</translation>
    </message>
    <message>
        <source>{n} asset</source>
        <translation>{n} ased</translation>
    </message>
    <message>
        <source>{n} assets</source>
        <translation>{n} ased</translation>
    </message>
    <message>
        <source>{n} need</source>
        <translation>{n} angen</translation>
    </message>
    <message>
        <source>{n} needs</source>
        <translation>{n} angen</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>&amp;Trafford: 501 assets, 139 neighbourhoods, gap analysis</source>
        <translation>&amp;Trafford: 501 o asedau, 139 o gymdogaethau, dadansoddiad bylchau</translation>
    </message>
    <message>
        <source>&amp;Rutland: works offline, with streets and places</source>
        <translation>&amp;Rutland: yn gweithio all-lein, gyda strydoedd a lleoedd</translation>
    </message>
    <message>
        <source>Could not create the project</source>
        <translation>Methu creu&apos;r prosiect</translation>
    </message>
    <message>
        <source>Could not read the starter pack</source>
        <translation>Methu darllen y pecyn cychwyn</translation>
    </message>
    <message>
        <source>{place}: {areas} neighbourhoods, {postcodes:,} postcodes</source>
        <translation>{place}: {areas} cymdogaeth, {postcodes:,} cod post</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Agor prosiect</translation>
    </message>
    <message>
        <source>assetmap projects (*.gpkg);;All files (*)</source>
        <translation>Prosiectau assetmap (*.gpkg);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>Methu agor y prosiect</translation>
    </message>
    <message>
        <source>Opens your own copy: the demo as shipped stays as it is.</source>
        <translation>Yn agor eich copi eich hun: mae&apos;r enghraifft fel y&apos;i darparwyd yn aros fel y mae.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Cadw copi</translation>
    </message>
    <message>
        <source>{name} copy.gpkg</source>
        <translation>copi {name}.gpkg</translation>
    </message>
    <message>
        <source>assetmap project (*.gpkg)</source>
        <translation>Prosiect assetmap (*.gpkg)</translation>
    </message>
    <message>
        <source>Could not save the copy</source>
        <translation>Methu cadw&apos;r copi</translation>
    </message>
    <message>
        <source>Copy saved to {path}</source>
        <translation>Cadwyd y copi yn {path}</translation>
    </message>
    <message>
        <source>Save a copy for the &amp;field…</source>
        <translation>Cadw copi ar gyfer gwaith mae&amp;s…</translation>
    </message>
    <message>
        <source>a copy to hand out and merge back later, without personal data if you wish</source>
        <translation>copi i&apos;w roi i eraill a&apos;i gyfuno&apos;n ôl yn nes ymlaen, heb ddata personol os dymunwch</translation>
    </message>
    <message>
        <source>Save a copy for the field — {tip}</source>
        <translation>Cadw copi ar gyfer gwaith maes — {tip}</translation>
    </message>
    <message>
        <source>&amp;Merge a copy…</source>
        <translation>Cyf&amp;uno copi…</translation>
    </message>
    <message>
        <source>bring in the work done in another copy of this project; you choose on conflicts</source>
        <translation>dod â&apos;r gwaith a wnaed mewn copi arall o&apos;r prosiect hwn i mewn; chi sy&apos;n dewis pan fo gwrthdaro</translation>
    </message>
    <message>
        <source>Merge a copy — {tip}</source>
        <translation>Cyfuno copi — {tip}</translation>
    </message>
    <message>
        <source>Imported 1 asset from {name}</source>
        <translation>Mewnforiwyd 1 ased o {name}</translation>
    </message>
    <message>
        <source>Imported {n} assets from {name}</source>
        <translation>Mewnforiwyd {n} ased o {name}</translation>
    </message>
</context>
<context>
    <name>RankedGaps</name>
    <message>
        <source>Need and provision, each split into thirds (high, medium, low) across the areas; the colour is the area&apos;s on the need-against-provision map</source>
        <translation>Angen a darpariaeth, pob un wedi&apos;i rannu&apos;n draeanau (uchel, canolig, isel) ar draws yr ardaloedd; y lliw yw lliw&apos;r ardal ar y map angen yn erbyn darpariaeth</translation>
    </message>
    <message>
        <source>No figure</source>
        <translation>Dim ffigur</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Canolig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>isel</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>canolig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>uchel</translation>
    </message>
    <message>
        <source>Within {distance:,.0f} m (%)</source>
        <translation>O fewn {distance:,.0f} m (%)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ardal</translation>
    </message>
    <message>
        <source>Need / provision</source>
        <translation>Angen / darpariaeth</translation>
    </message>
    <message>
        <source>Per 1,000 people</source>
        <translation>Fesul 1,000 o bobl</translation>
    </message>
    <message>
        <source>Nearest asset (m)</source>
        <translation>Ased agosaf (m)</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Asedau</translation>
    </message>
    <message>
        <source>Needs raised</source>
        <translation>Anghenion a godwyd</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Cod ardal</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Safle</translation>
    </message>
    <message>
        <source>1 = look here first</source>
        <translation>1 = edrych yma yn gyntaf</translation>
    </message>
    <message>
        <source>No need or provision figure</source>
        <translation>Dim ffigur angen na darpariaeth</translation>
    </message>
    <message>
        <source>{need} / {provision}</source>
        <translation>{need} / {provision}</translation>
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
    <name>Selection</name>
    <message>
        <source>1 asset selected</source>
        <translation>Dewiswyd 1 ased</translation>
    </message>
    <message>
        <source>{n} assets selected</source>
        <translation>Dewiswyd {n} ased</translation>
    </message>
    <message>
        <source>this asset</source>
        <translation>yr ased hwn</translation>
    </message>
    <message>
        <source>Delete “{name}”? You can undo this with Ctrl+Z.</source>
        <translation>Dileu “{name}”? Gallwch ddadwneud hyn gyda Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete {n} assets? You can undo this with Ctrl+Z.</source>
        <translation>Dileu {n} ased? Gallwch ddadwneud hyn gyda Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Delete {n} assets</source>
        <translation>Dileu {n} ased</translation>
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
        <source>Shared map: schema {schema} at {target}. Last sync: {when}. 1 change waiting to go up.</source>
        <translation>Map a rennir: sgema {schema} yn {target}. Cysoni diwethaf: {when}. 1 newid yn aros i&apos;w anfon.</translation>
    </message>
    <message>
        <source>Shared map: schema {schema} at {target}. Last sync: {when}. {n} changes waiting to go up.</source>
        <translation>Map a rennir: sgema {schema} yn {target}. Cysoni diwethaf: {when}. {n} newid yn aros i&apos;w hanfon.</translation>
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
        <source>the shared map</source>
        <translation>y map a rennir</translation>
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
    <message>
        <source>Synced with {schema} in {seconds:.1f} s: 1 change brought here, {pushed} sent</source>
        <translation>Cysonwyd â {schema} mewn {seconds:.1f} eiliad: daethpwyd ag 1 newid yma, anfonwyd {pushed}</translation>
    </message>
    <message>
        <source>Synced with {schema} in {seconds:.1f} s: {pulled} changes brought here, {pushed} sent</source>
        <translation>Cysonwyd â {schema} mewn {seconds:.1f} eiliad: daethpwyd â {pulled} newid yma, anfonwyd {pushed}</translation>
    </message>
    <message>
        <source>1 conflict resolved</source>
        <translation>datryswyd 1 gwrthdaro</translation>
    </message>
    <message>
        <source>{n} conflicts resolved</source>
        <translation>datryswyd {n} gwrthdaro</translation>
    </message>
    <message>
        <source>synced {day}</source>
        <translation>cysonwyd ar {day}</translation>
    </message>
    <message>
        <source>synced {time}</source>
        <translation>cysonwyd am {time}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Cursor coordinates</source>
        <translation>Cyfesurynnau&apos;r cyrchwr</translation>
    </message>
    <message>
        <source>Map scale</source>
        <translation>Graddfa&apos;r map</translation>
    </message>
    <message>
        <source>Assets shown</source>
        <translation>Asedau a ddangosir</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>Ffeil y prosiect</translation>
    </message>
    <message>
        <source>E {x:,.0f}  N {y:,.0f}</source>
        <translation>E {x:,.0f}  N {y:,.0f}</translation>
    </message>
    <message>
        <source>x {x:,.0f}  y {y:,.0f} m</source>
        <translation>x {x:,.0f}  y {y:,.0f} m</translation>
    </message>
    <message>
        <source>Scale 1:{ratio:,}</source>
        <translation>Graddfa 1:{ratio:,}</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} assets in view</source>
        <translation>{shown:,} o {total:,} ased yn y golwg</translation>
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
    <name>Unplaced</name>
    <message>
        <source>Unplaced assets</source>
        <translation>Asedau heb eu gosod</translation>
    </message>
    <message>
        <source>Place on map</source>
        <translation>Gosod ar y map</translation>
    </message>
    <message>
        <source>Place the chosen asset on the map</source>
        <translation>Gosod yr ased a ddewiswyd ar y map</translation>
    </message>
    <message>
        <source>Every asset has a place on the map.</source>
        <translation>Mae gan bob ased le ar y map.</translation>
    </message>
    <message>
        <source>1 asset is not on the map yet. Press “Place on map”, then click where it is.</source>
        <translation>Nid yw 1 ased ar y map eto. Pwyswch “Gosod ar y map”, yna cliciwch lle mae.</translation>
    </message>
    <message>
        <source>{n} assets not on the map yet. Choose one, press “Place on map”, then click where it is.</source>
        <translation>Nid yw {n} ased ar y map eto. Dewiswch un, pwyswch “Gosod ar y map”, yna cliciwch lle mae.</translation>
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
    <name>WorkshopPanel</name>
    <message>
        <source>New session &apos;{name}&apos;</source>
        <translation>Sesiwn newydd &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>start a workshop session before sharing it</source>
        <translation>dechreuwch sesiwn gweithdy cyn ei rhannu</translation>
    </message>
    <message>
        <source>start a workshop session before adding its pins</source>
        <translation>dechreuwch sesiwn gweithdy cyn ychwanegu ei phinnau</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Gweithdy</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesiwn</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Sesiwn newydd…</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Gorffen y sesiwn</translation>
    </message>
    <message>
        <source>Close the session to new pins; sharing stops</source>
        <translation>Cau&apos;r sesiwn i binnau newydd; mae rhannu&apos;n dod i ben</translation>
    </message>
    <message>
        <source>Export summary…</source>
        <translation>Allforio crynodeb…</translation>
    </message>
    <message>
        <source>The session&apos;s pins, tallies and comments as PDF or CSV</source>
        <translation>Pinnau, cyfrifon a sylwadau&apos;r sesiwn fel PDF neu CSV</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Phones join here</source>
        <translation>Mae ffonau&apos;n ymuno yma</translation>
    </message>
    <message>
        <source>Network to share on</source>
        <translation>Y rhwydwaith i rannu arno</translation>
    </message>
    <message>
        <source>Only this computer, unless you choose the room&apos;s network (or this laptop&apos;s hotspot)</source>
        <translation>Y cyfrifiadur hwn yn unig, oni bai eich bod yn dewis rhwydwaith yr ystafell (neu fan problemus y gliniadur hwn)</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Dechrau rhannu</translation>
    </message>
    <message>
        <source>Join address</source>
        <translation>Cyfeiriad ymuno</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copïo&apos;r cyfeiriad</translation>
    </message>
    <message>
        <source>Show large…</source>
        <translation>Dangos yn fawr…</translation>
    </message>
    <message>
        <source>The code and address big enough for a room to scan</source>
        <translation>Y cod a&apos;r cyfeiriad yn ddigon mawr i ystafell eu sganio</translation>
    </message>
    <message>
        <source>QR code of the join address</source>
        <translation>Cod QR y cyfeiriad ymuno</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Yn aros am adolygiad</translation>
    </message>
    <message>
        <source>Seen them: stop highlighting</source>
        <translation>Wedi&apos;u gweld: peidio ag amlygu</translation>
    </message>
    <message>
        <source>Approve automatically</source>
        <translation>Cymeradwyo&apos;n awtomatig</translation>
    </message>
    <message>
        <source>New pins go on the map at once, without review (those already waiting stay here)</source>
        <translation>Mae pinnau newydd yn mynd ar y map ar unwaith, heb adolygiad (mae&apos;r rhai sydd eisoes yn disgwyl yn aros yma)</translation>
    </message>
    <message>
        <source>This computer only (for trying it out)</source>
        <translation>Y cyfrifiadur hwn yn unig (i roi cynnig arni)</translation>
    </message>
    <message>
        <source>{network}: {address}</source>
        <translation>{network}: {address}</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Rhwydwaith</translation>
    </message>
    <message>
        <source>No workshop session yet</source>
        <translation>Dim sesiwn gweithdy eto</translation>
    </message>
    <message>
        <source>Start one to collect pins from the room: from phones, and your own.</source>
        <translation>Dechreuwch un i gasglu pinnau o&apos;r ystafell: o ffonau, a&apos;ch rhai chi.</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Stopio rhannu</translation>
    </message>
    <message>
        <source>Not shared: phones cannot reach this map.</source>
        <translation>Heb ei rannu: ni all ffonau gyrraedd y map hwn.</translation>
    </message>
    <message>
        <source>Choose the room&apos;s network (or this laptop&apos;s hotspot), then Start sharing.</source>
        <translation>Dewiswch rwydwaith yr ystafell (neu fan problemus y gliniadur hwn), yna Dechrau rhannu.</translation>
    </message>
    <message>
        <source>Only this computer can open the address: choose a network to let phones in.</source>
        <translation>Dim ond y cyfrifiadur hwn all agor y cyfeiriad: dewiswch rwydwaith i adael i ffonau ymuno.</translation>
    </message>
    <message>
        <source>Point a phone&apos;s camera at the code. No app and no internet needed.</source>
        <translation>Anelwch gamera ffôn at y cod. Dim angen ap na&apos;r rhyngrwyd.</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} yn aros</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Dim yn aros</translation>
    </message>
    <message>
        <source>Waiting for review ({n})</source>
        <translation>Yn aros am adolygiad ({n})</translation>
    </message>
    <message>
        <source>{n} new</source>
        <translation>{n} newydd</translation>
    </message>
    <message>
        <source>Pins from phones appear here, newest first, until you approve or reject them.</source>
        <translation>Mae pinnau o ffonau&apos;n ymddangos yma, y diweddaraf yn gyntaf, nes i chi eu cymeradwyo neu eu gwrthod.</translation>
    </message>
    <message>
        <source>Could not start sharing</source>
        <translation>Methu dechrau rhannu</translation>
    </message>
    <message>
        <source>Join the map from your phone</source>
        <translation>Ymunwch â&apos;r map o&apos;ch ffôn</translation>
    </message>
    <message>
        <source>Scan the code, or open {url}</source>
        <translation>Sganiwch y cod, neu agorwch {url}</translation>
    </message>
    <message>
        <source>Export the session summary</source>
        <translation>Allforio crynodeb y sesiwn</translation>
    </message>
    <message>
        <source>{name} summary.pdf</source>
        <translation>{name} crynodeb.pdf</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>Cadwyd {name}.</translation>
    </message>
    <message>
        <source>The summary was not saved.</source>
        <translation>Ni chadwyd y crynodeb.</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Wrthi&apos;n ysgrifennu {name}…</translation>
    </message>
    <message>
        <source>The summary was not saved</source>
        <translation>Ni chadwyd y crynodeb</translation>
    </message>
    <message>
        <source>PDF summary (*.pdf);;CSV, one row per pin (*.csv)</source>
        <translation>Crynodeb PDF (*.pdf);;CSV, un rhes i bob pin (*.csv)</translation>
    </message>
    <message>
        <source>a session summary is a PDF or a CSV file, not &apos;{suffix}&apos;</source>
        <translation>mae crynodeb sesiwn yn ffeil PDF neu CSV, nid &apos;{suffix}&apos;</translation>
    </message>
</context>
<context>
    <name>WorkshopQueue</name>
    <message>
        <source>Submission: {name}</source>
        <translation>Cyfraniad: {name}</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ased</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Show it on the map for everyone</source>
        <translation>Ei ddangos ar y map i bawb</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Golygu…</translation>
    </message>
    <message>
        <source>Correct it in the asset form, then approve</source>
        <translation>Ei gywiro yn ffurflen yr ased, yna cymeradwyo</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Gwrthod</translation>
    </message>
    <message>
        <source>Keep it off the map</source>
        <translation>Ei gadw oddi ar y map</translation>
    </message>
    <message>
        <source>this phone</source>
        <translation>y ffôn hwn</translation>
    </message>
    <message>
        <source>All {n} from {who}</source>
        <translation>Y {n} i gyd gan {who}</translation>
    </message>
    <message>
        <source>Approve every submission waiting from {who}</source>
        <translation>Cymeradwyo pob cyfraniad sy&apos;n aros gan {who}</translation>
    </message>
    <message>
        <source>{action} {card}</source>
        <translation>{action} {card}</translation>
    </message>
    <message>
        <source>Submissions waiting for review</source>
        <translation>Cyfraniadau sy&apos;n aros am adolygiad</translation>
    </message>
    <message>
        <source>the facilitator</source>
        <translation>yr hwylusydd</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>rywun</translation>
    </message>
    <message>
        <source>from {who}, {time}</source>
        <translation>gan {who}, {time}</translation>
    </message>
</context>
<context>
    <name>WorkshopReview</name>
    <message>
        <source>Edit, then approve</source>
        <translation>Golygu, yna cymeradwyo</translation>
    </message>
    <message>
        <source>Save and approve</source>
        <translation>Cadw a chymeradwyo</translation>
    </message>
    <message>
        <source>Edit and approve &apos;{name}&apos;</source>
        <translation>Golygu a chymeradwyo &apos;{name}&apos;</translation>
    </message>
</context>
<context>
    <name>WorkshopSession</name>
    <message>
        <source>New workshop session</source>
        <translation>Sesiwn gweithdy newydd</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Enw&apos;r sesiwn</translation>
    </message>
    <message>
        <source>e.g. Stretford food and wellbeing</source>
        <translation>e.e. Bwyd a llesiant Stretford</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lle</translation>
    </message>
    <message>
        <source>e.g. Stretford Library, community room</source>
        <translation>e.e. Llyfrgell Stretford, ystafell gymunedol</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Hwylusydd</translation>
    </message>
    <message>
        <source>who runs the session</source>
        <translation>pwy sy&apos;n cynnal y sesiwn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Dechrau&apos;r sesiwn</translation>
    </message>
    <message>
        <source>Everything added in this session is kept with its name, so it can be reviewed, counted and exported on its own. Sharing starts only when you press Start sharing.</source>
        <translation>Caiff popeth a ychwanegir yn y sesiwn hon ei gadw gyda&apos;i henw, fel y gellir ei adolygu, ei gyfrif a&apos;i allforio ar wahân. Dim ond pan fyddwch yn pwyso Dechrau rhannu y bydd rhannu&apos;n dechrau.</translation>
    </message>
    <message>
        <source>Give the session a name.</source>
        <translation>Rhowch enw i&apos;r sesiwn.</translation>
    </message>
</context>
<context>
    <name>WorkshopSummary</name>
    <message>
        <source>approved</source>
        <translation>cymeradwywyd</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>heb ei adolygu</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>gwrthodwyd</translation>
    </message>
    <message>
        <source>Reading the session</source>
        <translation>Wrthi&apos;n darllen y sesiwn</translation>
    </message>
    <message>
        <source>Drawing the map of the session&apos;s pins</source>
        <translation>Wrthi&apos;n lluniadu map o binnau&apos;r sesiwn</translation>
    </message>
    <message>
        <source>Writing {name}</source>
        <translation>Wrthi&apos;n ysgrifennu {name}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Workshop: {name}</source>
        <translation>Gweithdy: {name}</translation>
    </message>
    <message>
        <source>Only this session&apos;s pins are shown; rejected ones are not.</source>
        <translation>Dim ond pinnau&apos;r sesiwn hon a ddangosir; ni ddangosir y rhai a wrthodwyd.</translation>
    </message>
    <message>
        <source>{pins:,} pins: {assets:,} saying what is here and {needs:,} saying what is missing, {approved:,} of them approved.</source>
        <translation>{pins:,} pin: {assets:,} yn dweud beth sydd yma a {needs:,} yn dweud beth sydd ar goll, a {approved:,} ohonynt wedi&apos;u cymeradwyo.</translation>
    </message>
    <message>
        <source> {n:,} people gave their name.</source>
        <translation> Rhoddodd {n:,} o bobl eu henw.</translation>
    </message>
    <message>
        <source>Tally by category</source>
        <translation>Cyfrif fesul categori</translation>
    </message>
    <message>
        <source>No pins were added in this session.</source>
        <translation>Ni ychwanegwyd unrhyw binnau yn y sesiwn hon.</translation>
    </message>
    <message>
        <source>Every comment</source>
        <translation>Pob sylw</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>Dim sylwadau.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Cymeradwywyd</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Yn aros</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Cyfanswm</translation>
    </message>
    <message>
        <source>{note} (from {who}, {time}, {state})</source>
        <translation>{note} (gan {who}, {time}, {state})</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Y sesiwn hon</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Ased</translation>
    </message>
    <message>
        <source>the facilitator</source>
        <translation>yr hwylusydd</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>rywun</translation>
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
