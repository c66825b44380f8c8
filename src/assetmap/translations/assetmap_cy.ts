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
    <name>AssetForm</name>
    <message>
        <source>Type to search, or pick from the list</source>
        <translation>Teipiwch i chwilio, neu dewiswch o&apos;r rhestr</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Meysydd eraill</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Ychwanegu maes</translation>
    </message>
    <message>
        <source>Add a field</source>
        <translation>Ychwanegu maes</translation>
    </message>
    <message>
        <source>From the column &apos;{column}&apos;</source>
        <translation>O&apos;r golofn &apos;{column}&apos;</translation>
    </message>
    <message>
        <source>&amp;More fields</source>
        <translation>&amp;Mwy o feysydd</translation>
    </message>
    <message>
        <source>&amp;More fields ({n} filled in)</source>
        <translation>&amp;Mwy o feysydd ({n} wedi&apos;u llenwi)</translation>
    </message>
    <message>
        <source>Kept out of exports unless you choose to include it.</source>
        <translation>Ni chaiff ei gynnwys mewn allforion oni bai eich bod yn dewis ei gynnwys.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Gweithredol</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ar gau</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Arfaethedig</translation>
    </message>
    <message>
        <source>Edit asset</source>
        <translation>Golygu ased</translation>
    </message>
    <message>
        <source>Add an asset</source>
        <translation>Ychwanegu ased</translation>
    </message>
    <message>
        <source>Asset details</source>
        <translation>Manylion yr ased</translation>
    </message>
    <message>
        <source>Add asset</source>
        <translation>Ychwanegu ased</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Cadw&apos;r newidiadau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Change what you need, then save. Undo takes the whole change back.</source>
        <translation>Newidiwch yr hyn sydd ei angen, yna cadwch. Mae Dadwneud yn dadwneud y newid cyfan.</translation>
    </message>
    <message>
        <source>A new asset where you clicked on the map. Only a name and a category are needed.</source>
        <translation>Ased newydd lle gwnaethoch glicio ar y map. Dim ond enw a chategori sydd eu hangen.</translation>
    </message>
    <message>
        <source>This spot is outside the project&apos;s areas.</source>
        <translation>Mae&apos;r man hwn y tu allan i ardaloedd y prosiect.</translation>
    </message>
    <message>
        <source>e.g. Tuesday lunch club</source>
        <translation>e.e. Clwb cinio dydd Mawrth</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Enw</translation>
    </message>
    <message>
        <source>Name (required)</source>
        <translation>Enw (gofynnol)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Categori</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>What happens here, and when</source>
        <translation>Beth sy&apos;n digwydd yma, a phryd</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Disgrifiad</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>C&amp;yfeiriad</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Cyfeiriad stryd</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>Cod &amp;post</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>e.g. M32 0TH</source>
        <translation>e.e. M32 0TH</translation>
    </message>
    <message>
        <source>Con&amp;tact</source>
        <translation>Cyswll&amp;t</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Person cyswllt</translation>
    </message>
    <message>
        <source>Who to ask for</source>
        <translation>Pwy i ofyn amdano</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Ffôn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>e.g. 0161 912 2000</source>
        <translation>e.e. 0161 912 2000</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Gwefan</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Gwefan</translation>
    </message>
    <message>
        <source>e.g. www.example.org</source>
        <translation>e.e. www.example.org</translation>
    </message>
    <message>
        <source>e.g. Mon-Fri 09:00-17:00
Sat 10:00-12:00</source>
        <translation>e.e. Llun-Gwe 09:00-17:00
Sad 10:00-12:00</translation>
    </message>
    <message>
        <source>One line per day or period</source>
        <translation>Un llinell ar gyfer pob diwrnod neu gyfnod</translation>
    </message>
    <message>
        <source>&amp;Opening hours</source>
        <translation>&amp;Oriau agor</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Oriau agor</translation>
    </message>
    <message>
        <source>e.g. older people, carers, families</source>
        <translation>e.e. pobl hŷn, gofalwyr, teuluoedd</translation>
    </message>
    <message>
        <source>Who is it &amp;for?</source>
        <translation>Ar gyfer p&amp;wy?</translation>
    </message>
    <message>
        <source>Who is it for?</source>
        <translation>Ar gyfer pwy?</translation>
    </message>
    <message>
        <source>Separate groups with commas</source>
        <translation>Rhowch goma rhwng y grwpiau</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statws</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>This is about a person (e.g. someone&apos;s skills)</source>
        <translation>Mae hyn yn ymwneud ag unigolyn (e.e. sgiliau rhywun)</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Data personol</translation>
    </message>
    <message>
        <source>About personal data</source>
        <translation>Ynghylch data personol</translation>
    </message>
    <message>
        <source>Verified on date</source>
        <translation>Dyddiad ei wirio</translation>
    </message>
    <message>
        <source>Not verified yet</source>
        <translation>Heb ei wirio eto</translation>
    </message>
    <message>
        <source>&amp;Verified on</source>
        <translation>Gwi&amp;riwyd ar</translation>
    </message>
    <message>
        <source>More fields</source>
        <translation>Mwy o feysydd</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Lluniau</translation>
    </message>
    <message>
        <source>Stored as “{text}”, kept unless you change it</source>
        <translation>Wedi&apos;i gadw fel “{text}”; bydd yn aros felly oni bai eich bod yn ei newid</translation>
    </message>
    <message>
        <source>Always ticked: “{category}” holds personal data. {note}</source>
        <translation>Wedi&apos;i dicio bob amser: mae “{category}” yn cynnwys data personol. {note}</translation>
    </message>
    <message>
        <source>“{text}” is not a full UK postcode (like M32 0TH). You can still save it as typed.</source>
        <translation>Nid yw “{text}” yn god post llawn yn y DU (fel M32 0TH). Gallwch ei gadw fel y&apos;i teipiwyd o hyd.</translation>
    </message>
    <message>
        <source>Give the asset a name.</source>
        <translation>Rhowch enw i&apos;r ased.</translation>
    </message>
    <message>
        <source>No single category matches “{typed}”: pick one from the list.</source>
        <translation>Nid oes un categori&apos;n unig yn cyfateb i “{typed}”: dewiswch un o&apos;r rhestr.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Dewiswch gategori.</translation>
    </message>
    <message>
        <source>Two of the other fields have the same name.</source>
        <translation>Mae gan ddau o&apos;r meysydd eraill yr un enw.</translation>
    </message>
    <message>
        <source>Edit &apos;{name}&apos;</source>
        <translation>Golygu &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Problem: {text}</source>
        <translation>Problem: {text}</translation>
    </message>
    <message>
        <source>Add asset &apos;{name}&apos; with {n} photo</source>
        <translation>Ychwanegu ased &apos;{name}&apos; gyda {n} llun</translation>
    </message>
    <message>
        <source>Add asset &apos;{name}&apos; with {n} photos</source>
        <translation>Ychwanegu ased &apos;{name}&apos; gyda {n} llun</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.gif);;All files (*)</source>
        <translation>Lluniau (*.jpg *.jpeg *.png *.webp *.gif);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Ychwanegu llun…</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Ychwanegu llun</translation>
    </message>
    <message>
        <source>R&amp;emove photo</source>
        <translation>Tynnu&apos;r &amp;llun</translation>
    </message>
    <message>
        <source>Remove the chosen photo</source>
        <translation>Tynnu&apos;r llun a ddewiswyd</translation>
    </message>
    <message>
        <source>No photos yet. JPEG, PNG, WebP or GIF, up to 10 MB each.</source>
        <translation>Dim lluniau eto. JPEG, PNG, WebP neu GIF, hyd at 10 MB yr un.</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Ychwanegu lluniau</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; could not be read ({reason})</source>
        <translation>Methu darllen &apos;{name}&apos; ({reason})</translation>
    </message>
    <message>
        <source>{name} ({size}), not saved yet</source>
        <translation>{name} ({size}), heb ei gadw eto</translation>
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
    <name>BasemapImport</name>
    <message>
        <source>OpenStreetMap extracts (*.osm.pbf *.pbf *.osm);;All files (*)</source>
        <translation>Dyfyniadau OpenStreetMap (*.osm.pbf *.pbf *.osm);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Import an OpenStreetMap extract as the basemap</source>
        <translation>Mewnforio dyfyniad OpenStreetMap fel y map sylfaen</translation>
    </message>
    <message>
        <source>an .osm.pbf or .osm file, e.g. from download.geofabrik.de</source>
        <translation>ffeil .osm.pbf neu .osm, e.e. o download.geofabrik.de</translation>
    </message>
    <message>
        <source>OpenStreetMap extract file</source>
        <translation>Ffeil dyfyniad OpenStreetMap</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Dewis…</translation>
    </message>
    <message>
        <source>Margin around the areas</source>
        <translation>Ymyl o amgylch yr ardaloedd</translation>
    </message>
    <message>
        <source>Include &amp;buildings (a bigger project file)</source>
        <translation>Cynnwys &amp;adeiladau (ffeil prosiect fwy)</translation>
    </message>
    <message>
        <source>The extract is cut to the project&apos;s areas plus this margin.</source>
        <translation>Caiff y dyfyniad ei dorri i ardaloedd y prosiect ynghyd â&apos;r ymyl hon.</translation>
    </message>
    <message>
        <source>The project has no areas yet, so the whole extract is kept: import the neighbourhoods first to keep only what is needed.</source>
        <translation>Nid oes gan y prosiect ardaloedd eto, felly cedwir y dyfyniad cyfan: mewnforiwch y cymdogaethau yn gyntaf i gadw dim ond yr hyn sydd ei angen.</translation>
    </message>
    <message>
        <source>It replaces the current basemap ({file}); Undo brings it back.</source>
        <translation>Mae&apos;n disodli&apos;r map sylfaen presennol ({file}); mae Dadwneud yn dod ag ef yn ôl.</translation>
    </message>
    <message>
        <source>{scope} {replaces} The data is © OpenStreetMap contributors (ODbL): the map and every export credit them.</source>
        <translation>{scope} {replaces} Mae&apos;r data © cyfranwyr OpenStreetMap (ODbL): mae&apos;r map a phob allforio yn eu cydnabod.</translation>
    </message>
    <message>
        <source>&amp;Extract:</source>
        <translation>Dy&amp;fyniad:</translation>
    </message>
    <message>
        <source>&amp;Margin:</source>
        <translation>&amp;Ymyl:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>There is no file at {path}. Check the name, or Choose… it.</source>
        <translation>Nid oes ffeil yn {path}. Gwiriwch yr enw, neu defnyddiwch Dewis… i&apos;w dewis.</translation>
    </message>
    <message>
        <source>{name} is not an OpenStreetMap extract: choose an .osm.pbf or .osm file.</source>
        <translation>Nid yw {name} yn ddyfyniad OpenStreetMap: dewiswch ffeil .osm.pbf neu .osm.</translation>
    </message>
    <message>
        <source>{name} ({size} MB): press Import when ready.</source>
        <translation>{name} ({size} MB): pwyswch Mewnforio pan fyddwch yn barod.</translation>
    </message>
    <message>
        <source>Choose an OpenStreetMap extract</source>
        <translation>Dewis dyfyniad OpenStreetMap</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Wrthi&apos;n darllen {name}…</translation>
    </message>
    <message>
        <source>Writing the basemap to the project…</source>
        <translation>Wrthi&apos;n ysgrifennu&apos;r map sylfaen i&apos;r prosiect…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Wedi canslo; ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Not imported: {error}</source>
        <translation>Heb ei fewnforio: {error}</translation>
    </message>
    <message>
        <source>Not imported: something went wrong ({error}). Nothing was changed.</source>
        <translation>Heb ei fewnforio: aeth rhywbeth o&apos;i le ({error}). Ni newidiwyd dim.</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>For example: Youth clubs</source>
        <translation>Er enghraifft: Clybiau ieuenctid</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grŵp:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Lliw:</translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation>&amp;Symbol:</translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation>Gwirio &amp;bob:</translation>
    </message>
    <message>
        <source>On the map:</source>
        <translation>Ar y map:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ychwanegu</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Categori newydd</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mis</translation>
    </message>
    <message>
        <source>Check every, in months</source>
        <translation>Gwirio bob hyn a hyn, mewn misoedd</translation>
    </message>
    <message>
        <source>How long after an asset was last checked it is due for checking again: food banks change within months, schools rarely</source>
        <translation>Pa mor hir ar ôl i ased gael ei wirio ddiwethaf y mae&apos;n bryd ei wirio eto: mae banciau bwyd yn newid o fewn misoedd, ysgolion yn anaml</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grŵp</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>Ychwanegu categori</translation>
    </message>
    <message>
        <source>Colour of “{category}”</source>
        <translation>Lliw “{category}”</translation>
    </message>
    <message>
        <source>Symbol of “{category}”</source>
        <translation>Symbol “{category}”</translation>
    </message>
    <message>
        <source>Group of “{category}”</source>
        <translation>Grŵp “{category}”</translation>
    </message>
    <message>
        <source>How often to check “{category}”</source>
        <translation>Pa mor aml i wirio “{category}”</translation>
    </message>
    <message>
        <source>Edit “{category}”</source>
        <translation>Golygu “{category}”</translation>
    </message>
</context>
<context>
    <name>CategoryManager</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorïau</translation>
    </message>
    <message>
        <source>Category manager</source>
        <translation>Rheolwr categorïau</translation>
    </message>
    <message>
        <source>Imports put values with these names in the category (Other names…)</source>
        <translation>Mae mewnforion yn rhoi gwerthoedd â&apos;r enwau hyn yn y categori (Enwau eraill…)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ychwanegu…</translation>
    </message>
    <message>
        <source>Add a new category</source>
        <translation>Ychwanegu categori newydd</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Ailenwi</translation>
    </message>
    <message>
        <source>Rename the selected category (F2)</source>
        <translation>Ailenwi&apos;r categori a ddewiswyd (F2)</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Lliw…</translation>
    </message>
    <message>
        <source>Change the colour</source>
        <translation>Newid y lliw</translation>
    </message>
    <message>
        <source>&amp;Symbol…</source>
        <translation>&amp;Symbol…</translation>
    </message>
    <message>
        <source>Change the symbol</source>
        <translation>Newid y symbol</translation>
    </message>
    <message>
        <source>&amp;Group…</source>
        <translation>&amp;Grŵp…</translation>
    </message>
    <message>
        <source>Move to another group</source>
        <translation>Symud i grŵp arall</translation>
    </message>
    <message>
        <source>Check e&amp;very…</source>
        <translation>Gwirio &amp;bob…</translation>
    </message>
    <message>
        <source>How often its assets are due for checking</source>
        <translation>Pa mor aml y mae angen gwirio ei asedau</translation>
    </message>
    <message>
        <source>Other &amp;names…</source>
        <translation>Enwau &amp;eraill…</translation>
    </message>
    <message>
        <source>Names a file may use for this category, matched when importing</source>
        <translation>Enwau y gall ffeil eu defnyddio ar gyfer y categori hwn, a gaiff eu paru wrth fewnforio</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Cyfuno â…</translation>
    </message>
    <message>
        <source>Move its assets to another category and remove it</source>
        <translation>Symud ei asedau i gategori arall a&apos;i ddileu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Dadwneud y newid diwethaf (Ctrl+Z)</translation>
    </message>
    <message>
        <source>R&amp;edo</source>
        <translation>A&amp;ilwneud</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Ailwneud (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Close the category manager</source>
        <translation>Cau&apos;r rheolwr categorïau</translation>
    </message>
    <message>
        <source>Colour shows the group and the symbol tells categories apart, so the map stays readable for colour-blind people. A category ticked as personal data (a person&apos;s skills, say) keeps all its assets out of exports unless an export includes personal data. Every change here can be undone.</source>
        <translation>Mae&apos;r lliw yn dangos y grŵp a&apos;r symbol yn gwahaniaethu rhwng categorïau, fel bod y map yn dal yn ddarllenadwy i bobl sy&apos;n lliwddall. Mae categori sydd wedi&apos;i dicio fel data personol (sgiliau unigolyn, er enghraifft) yn cadw ei holl asedau allan o allforion oni bai bod allforio&apos;n cynnwys data personol. Gellir dadwneud pob newid yma.</translation>
    </message>
    <message>
        <source>Undo {change}</source>
        <translation>Dadwneud {change}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Dadwneud</translation>
    </message>
    <message>
        <source>Redo {change}</source>
        <translation>Ailwneud {change}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ailwneud</translation>
    </message>
    <message>
        <source>Its 1 asset is flagged as personal data now, so it is left out of exports. Clear its flag too, or keep it flagged?</source>
        <translation>Mae ei un ased wedi&apos;i farcio fel data personol ar hyn o bryd, felly caiff ei adael allan o allforion. Tynnu&apos;r marc hefyd, neu ei gadw wedi&apos;i farcio?</translation>
    </message>
    <message>
        <source>Its {n} assets are flagged as personal data now, so they are left out of exports. Clear their flags too, or keep them flagged?</source>
        <translation>Mae ei {n} ased wedi&apos;u marcio fel data personol ar hyn o bryd, felly cânt eu gadael allan o allforion. Tynnu&apos;r marciau hefyd, neu eu cadw wedi&apos;u marcio?</translation>
    </message>
    <message>
        <source>“{category}” will no longer mark new assets as personal data.</source>
        <translation>Ni fydd “{category}” yn marcio asedau newydd fel data personol mwyach.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Data personol</translation>
    </message>
    <message>
        <source>&amp;Clear their flags</source>
        <translation>&amp;Tynnu&apos;r marciau</translation>
    </message>
    <message>
        <source>&amp;Keep them flagged</source>
        <translation>&amp;Cadw&apos;r marciau</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Asedau</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Lliw</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Also matches in imports</source>
        <translation>Hefyd yn cyfateb wrth fewnforio</translation>
    </message>
    <message>
        <source>Personal data: the category holds assets about people (a person&apos;s skills). Its assets are flagged and left out of exports unless an export includes personal data.</source>
        <translation>Data personol: mae&apos;r categori&apos;n cynnwys asedau am bobl (sgiliau unigolyn). Caiff ei asedau eu marcio a&apos;u gadael allan o allforion oni bai bod allforio&apos;n cynnwys data personol.</translation>
    </message>
    <message>
        <source>Holds personal data</source>
        <translation>Yn cynnwys data personol</translation>
    </message>
    <message>
        <source>Not personal data</source>
        <translation>Nid yw&apos;n ddata personol</translation>
    </message>
    <message>
        <source>Also matched in imports: {names}</source>
        <translation>Hefyd yn cyfateb wrth fewnforio: {names}</translation>
    </message>
    <message>
        <source>No other names. Other names… adds some.</source>
        <translation>Dim enwau eraill. Mae Enwau eraill… yn ychwanegu rhai.</translation>
    </message>
    <message>
        <source>{category}: {n} assets. F2 renames it.</source>
        <translation>{category}: {n} ased. Mae F2 yn ei ailenwi.</translation>
    </message>
    <message>
        <source>{category}, {n} assets, {colour} {symbol}</source>
        <translation>{category}, {n} ased, {symbol} {colour}</translation>
    </message>
    <message>
        <source>{text}, holds personal data</source>
        <translation>{text}, yn cynnwys data personol</translation>
    </message>
</context>
<context>
    <name>CategoryNames</name>
    <message>
        <source>Other names for “{category}”</source>
        <translation>Enwau eraill ar “{category}”</translation>
    </message>
    <message>
        <source>When a file being imported names an asset&apos;s category with one of these, it goes to {category}. Capitals, punctuation and plurals do not matter: “GP surgery” also matches “GP Surgeries”. One name per line.</source>
        <translation>Pan fydd ffeil sy&apos;n cael ei mewnforio yn enwi categori ased gydag un o&apos;r rhain, mae&apos;n mynd i {category}. Nid yw priflythrennau, atalnodi na ffurfiau lluosog o bwys: mae “GP surgery” hefyd yn cyfateb i “GP Surgeries”. Un enw ar bob llinell.</translation>
    </message>
    <message>
        <source>Other names, one per line</source>
        <translation>Enwau eraill, un ar bob llinell</translation>
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
    <name>Colours</name>
    <message>
        <source>Blue</source>
        <translation>Glas</translation>
    </message>
    <message>
        <source>Sky blue</source>
        <translation>Glas awyr</translation>
    </message>
    <message>
        <source>Bluish green</source>
        <translation>Gwyrdd glasaidd</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Oren</translation>
    </message>
    <message>
        <source>Vermillion</source>
        <translation>Fermiliwn</translation>
    </message>
    <message>
        <source>Reddish purple</source>
        <translation>Porffor cochlyd</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Melyn</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Llwyd</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Lliw</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Lliw arall…</translation>
    </message>
    <message>
        <source>{name}: other colour</source>
        <translation>{name}: lliw arall</translation>
    </message>
    <message>
        <source>{name} chosen</source>
        <translation>{name} a ddewiswyd</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Dewis lliw</translation>
    </message>
</context>
<context>
    <name>Committing</name>
    <message>
        <source>Writing to the project…</source>
        <extracomment>Rows (assets, areas, basemap features) written on the GUI thread in well under a second.</extracomment>
        <translation>Wrthi&apos;n ysgrifennu i&apos;r prosiect…</translation>
    </message>
    <message>
        <source>Writing to the project</source>
        <translation>Wrthi&apos;n ysgrifennu i&apos;r prosiect</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <source>assetmap closed unexpectedly last time</source>
        <translation>Caeodd assetmap yn annisgwyl y tro diwethaf</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Adroddiad chwalu</translation>
    </message>
    <message>
        <source>Every change you had finished was saved as you made it; only an edit still open in a form may be lost.

A report of what the app was doing was saved: a short text file you can read. If this happens again, please send it to whoever looks after assetmap for you.</source>
        <translation>Cafodd pob newid yr oeddech wedi&apos;i orffen ei gadw wrth i chi ei wneud; dim ond golygiad a oedd yn dal ar agor mewn ffurflen a allai fod wedi&apos;i golli.

Cadwyd adroddiad o&apos;r hyn yr oedd yr ap yn ei wneud: ffeil destun fer y gallwch ei darllen. Os bydd hyn yn digwydd eto, anfonwch hi at bwy bynnag sy&apos;n gofalu am assetmap ar eich rhan.</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Wedi&apos;i gadw fel {path}</translation>
    </message>
    <message>
        <source>Crash report text</source>
        <translation>Testun yr adroddiad chwalu</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Dangos manylion</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copïo&apos;r adroddiad</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Agor y ffolder</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Cuddio manylion</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Wedi&apos;i gopïo</translation>
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
    <name>Duplicates</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
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
        <source>Personal data</source>
        <translation>Data personol</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>Canfod dyblygion</translation>
    </message>
    <message>
        <source>Likely duplicates among imported assets</source>
        <translation>Dyblygion tebygol ymhlith yr asedau a fewnforiwyd</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>Canfod eto</translation>
    </message>
    <message>
        <source>The same identifier; the same name within</source>
        <translation>Yr un dynodydd; yr un enw o fewn</translation>
    </message>
    <message>
        <source>; the same postcode and names at least</source>
        <translation>; yr un cod post ac enwau o leiaf</translation>
    </message>
    <message>
        <source>alike (token-set similarity)</source>
        <translation>yn debyg (tebygrwydd set o docynnau)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>A gedwir</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Wedi&apos;i gyfuno iddo</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Defnyddio</translation>
    </message>
    <message>
        <source>Keep the other one</source>
        <translation>Cadw&apos;r llall</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Cyfuno</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>&amp;Nid yw&apos;n ddyblyg</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Hepgor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Wrthi&apos;n chwilio am ddyblygion…</translation>
    </message>
    <message>
        <source>Finding duplicates failed.</source>
        <translation>Methwyd canfod dyblygion.</translation>
    </message>
    <message>
        <source>Could not look for duplicates</source>
        <translation>Methu chwilio am ddyblygion</translation>
    </message>
    <message>
        <source>{n} likely duplicate pair to review</source>
        <translation>{n} pâr tebygol o ddyblygion i&apos;w adolygu</translation>
    </message>
    <message>
        <source>{n} likely duplicate pairs to review</source>
        <translation>{n} pâr tebygol o ddyblygion i&apos;w adolygu</translation>
    </message>
    <message>
        <source>No likely duplicates: nothing to review.</source>
        <translation>Dim dyblygion tebygol: dim byd i&apos;w adolygu.</translation>
    </message>
    <message>
        <source>Kept one&apos;s</source>
        <translation>Gwerth yr un a gedwir</translation>
    </message>
    <message>
        <source>Other&apos;s</source>
        <translation>Gwerth y llall</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
    <message>
        <source>no</source>
        <translation>na</translation>
    </message>
    <message>
        <source>both agree</source>
        <translation>y ddau&apos;n cytuno</translation>
    </message>
    <message>
        <source>other&apos;s</source>
        <translation>gwerth y llall</translation>
    </message>
    <message>
        <source>kept one&apos;s</source>
        <translation>gwerth yr un a gedwir</translation>
    </message>
    <message>
        <source>one is not on the map</source>
        <translation>nid yw un ar y map</translation>
    </message>
    <message>
        <source>{distance} m apart</source>
        <translation>{distance} m ar wahân</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {error}

Your work is safe: every change was saved as you made it.</source>
        <translation>Aeth rhywbeth o&apos;i le: {error}

Mae eich gwaith yn ddiogel: cafodd pob newid ei gadw wrth i chi ei wneud.</translation>
    </message>
    <message>
        <source>Details were written to {path}</source>
        <translation>Ysgrifennwyd y manylion i {path}</translation>
    </message>
    <message>
        <source>That change was not made</source>
        <translation>Ni wnaed y newid hwnnw</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>a map is drawn as {formats}, not &apos;{given}&apos;</source>
        <translation>caiff map ei lunio fel {formats}, nid &apos;{given}&apos;</translation>
    </message>
    <message>
        <source>Gathering what the map shows</source>
        <translation>Wrthi&apos;n casglu&apos;r hyn y mae&apos;r map yn ei ddangos</translation>
    </message>
    <message>
        <source>Drawing {name}</source>
        <translation>Wrthi&apos;n llunio {name}</translation>
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
        <source>a {page} image at {dpi} dpi is too large to make here</source>
        <translation>mae delwedd {page} ar {dpi} dpi yn rhy fawr i&apos;w gwneud yma</translation>
    </message>
    <message>
        <source>choose a lower resolution, or PDF for print</source>
        <translation>dewiswch gydraniad is, neu PDF i&apos;w argraffu</translation>
    </message>
    <message>
        <source>a gap report is a PDF or an HTML file, not &apos;{given}&apos;</source>
        <translation>mae adroddiad bylchau yn ffeil PDF neu HTML, nid &apos;{given}&apos;</translation>
    </message>
    <message>
        <source>Reading the gap analysis</source>
        <translation>Wrthi&apos;n darllen y dadansoddiad bylchau</translation>
    </message>
    <message>
        <source>Comparing the scenario &apos;{name}&apos; with today</source>
        <translation>Wrthi&apos;n cymharu&apos;r senario &apos;{name}&apos; â heddiw</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Beth i&apos;w allforio</translation>
    </message>
    <message>
        <source>The interactive map is not part of this build of assetmap yet.</source>
        <translation>Nid yw&apos;r map rhyngweithiol yn rhan o&apos;r fersiwn hwn o assetmap eto.</translation>
    </message>
    <message>
        <source>Find gaps first: the report needs a gap analysis.</source>
        <translation>Canfod bylchau yn gyntaf: mae angen dadansoddiad bylchau ar yr adroddiad.</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Maint y dudalen</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Tirwedd</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portread</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Cyfeiriadedd</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Cydraniad</translation>
    </message>
    <message>
        <source>Pixels per inch of the PNG image: 150 for screens, 300 to print</source>
        <translation>Picseli fesul modfedd y ddelwedd PNG: 150 ar gyfer sgriniau, 300 i argraffu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>(what the gap map shows, when there is one)</source>
        <translation>(beth mae&apos;r map bylchau yn ei ddangos, pan fo un)</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Is-deitl</translation>
    </message>
    <message>
        <source>your name or organisation</source>
        <translation>eich enw neu&apos;ch sefydliad</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Awdur</translation>
    </message>
    <message>
        <source>Map extent</source>
        <translation>Rhychwant y map</translation>
    </message>
    <message>
        <source>Everything shown on the map</source>
        <translation>Popeth a ddangosir ar y map</translation>
    </message>
    <message>
        <source>The map as it is on screen now</source>
        <translation>Y map fel y mae ar y sgrin nawr</translation>
    </message>
    <message>
        <source>All of “{name}”</source>
        <translation>Y cyfan o “{name}”</translation>
    </message>
    <message>
        <source>Include personal data</source>
        <translation>Cynnwys data personol</translation>
    </message>
    <message>
        <source>Assets flagged as personal data (a person&apos;s skills, say) are left out unless you tick this, for this export only.</source>
        <translation>Caiff asedau a nodwyd yn ddata personol (sgiliau person, er enghraifft) eu gadael allan oni bai eich bod yn ticio hwn, ar gyfer yr allforio hwn yn unig.</translation>
    </message>
    <message>
        <source>Include rejected assets (data files only)</source>
        <translation>Cynnwys asedau a wrthodwyd (ffeiliau data yn unig)</translation>
    </message>
    <message>
        <source>Include rejected assets</source>
        <translation>Cynnwys asedau a wrthodwyd</translation>
    </message>
    <message>
        <source>Include workshop participants&apos; names (data files only)</source>
        <translation>Cynnwys enwau cyfranogwyr y gweithdy (ffeiliau data yn unig)</translation>
    </message>
    <message>
        <source>Include workshop participants&apos; names</source>
        <translation>Cynnwys enwau cyfranogwyr y gweithdy</translation>
    </message>
    <message>
        <source>The display names residents gave with their pins; left empty unless ticked</source>
        <translation>Yr enwau a roddodd trigolion gyda&apos;u pinnau; yn wag oni bai bod hwn wedi&apos;i dicio</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Tudalen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maint</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Geiriau</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Preview of the page</source>
        <translation>Rhagolwg o&apos;r dudalen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Allforio…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Area set</source>
        <translation>Set o ardaloedd</translation>
    </message>
    <message>
        <source>Only the {n} assets the table&apos;s filter shows.</source>
        <translation>Dim ond yr asedau a ddangosir gan hidlydd y tabl ({n} ased).</translation>
    </message>
    <message>
        <source>Categories hidden on the map ({n}) are left out.</source>
        <translation>Caiff categorïau sydd wedi&apos;u cuddio ar y map ({n}) eu gadael allan.</translation>
    </message>
    <message>
        <source>An interactive map for a web browser, with the same layers, legend and sources. No preview here: open the file in a browser.</source>
        <translation>Map rhyngweithiol ar gyfer porwr gwe, gyda&apos;r un haenau, allwedd a ffynonellau. Dim rhagolwg yma: agorwch y ffeil mewn porwr.</translation>
    </message>
    <message>
        <source>Data files hold the assets shown on the map (and the gap analysis, when the map shows one). No page to preview.</source>
        <translation>Mae ffeiliau data yn dal yr asedau a ddangosir ar y map (a&apos;r dadansoddiad bylchau, pan fo&apos;r map yn dangos un). Dim tudalen i&apos;w rhagweld.</translation>
    </message>
    <message>
        <source>An Open Referral (HSDS 3.0) service directory: each asset shown on the map as a service at a location, in the data package service directories read. Assets holding personal data are never included.</source>
        <translation>Cyfeiriadur gwasanaethau Open Referral (HSDS 3.0): pob ased a ddangosir ar y map fel gwasanaeth mewn lleoliad, yn y pecyn data y mae cyfeiriaduron gwasanaethau yn ei ddarllen. Ni chynhwysir asedau sy&apos;n dal data personol byth.</translation>
    </message>
    <message>
        <source>No preview: {error}</source>
        <translation>Dim rhagolwg: {error}</translation>
    </message>
    <message>
        <source>No preview: something went wrong drawing the page.</source>
        <translation>Dim rhagolwg: aeth rhywbeth o&apos;i le wrth lunio&apos;r dudalen.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Allforio i</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Wrthi&apos;n allforio {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wrthi&apos;n stopio…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Allforiwyd i {path}</translation>
    </message>
    <message>
        <source>Exported {name}.</source>
        <translation>Allforiwyd {name}.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Allforiwyd</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>Methu allforio: {error}</translation>
    </message>
    <message>
        <source>Something went wrong while exporting ({error}). Details are in the log.</source>
        <translation>Aeth rhywbeth o&apos;i le wrth allforio ({error}). Mae&apos;r manylion yn y log.</translation>
    </message>
    <message>
        <source>Stopped. No file was written.</source>
        <translation>Wedi stopio. Ni ysgrifennwyd ffeil.</translation>
    </message>
    <message>
        <source>Map — PDF, for printing (vector)</source>
        <translation>Map — PDF, i&apos;w argraffu (fector)</translation>
    </message>
    <message>
        <source>Map — PNG image</source>
        <translation>Map — delwedd PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Delwedd PNG (*.png)</translation>
    </message>
    <message>
        <source>Map — SVG, for editing (vector)</source>
        <translation>Map — SVG, i&apos;w olygu (fector)</translation>
    </message>
    <message>
        <source>Interactive map — HTML, for a browser</source>
        <translation>Map rhyngweithiol — HTML, ar gyfer porwr</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Tudalen we (*.html)</translation>
    </message>
    <message>
        <source>Data — GeoPackage, for GIS</source>
        <translation>Data — GeoPackage, ar gyfer GIS</translation>
    </message>
    <message>
        <source>Data — GeoJSON</source>
        <translation>Data — GeoJSON</translation>
    </message>
    <message>
        <source>Data — CSV, for spreadsheets</source>
        <translation>Data — CSV, ar gyfer taenlenni</translation>
    </message>
    <message>
        <source>Data — Excel workbook</source>
        <translation>Data — llyfr gwaith Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Llyfr gwaith Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Data — Open Referral directory (.zip)</source>
        <translation>Data — cyfeiriadur Open Referral (.zip)</translation>
    </message>
    <message>
        <source>Open Referral directory (*.zip)</source>
        <translation>Cyfeiriadur Open Referral (*.zip)</translation>
    </message>
    <message>
        <source>Gap report — PDF</source>
        <translation>Adroddiad bylchau — PDF</translation>
    </message>
    <message>
        <source>Gap report — HTML</source>
        <translation>Adroddiad bylchau — HTML</translation>
    </message>
    <message>
        <source> gap report</source>
        <translation> adroddiad bylchau</translation>
    </message>
</context>
<context>
    <name>FieldCopy</name>
    <message>
        <source>Save a copy for the field</source>
        <translation>Cadw copi ar gyfer gwaith maes</translation>
    </message>
    <message>
        <source>Label of the copy</source>
        <translation>Label y copi</translation>
    </message>
    <message>
        <source>{name} field copy.gpkg</source>
        <translation>{name} copi maes.gpkg</translation>
    </message>
    <message>
        <source>Save the copy to</source>
        <translation>Cadw&apos;r copi i</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>De&amp;wis…</translation>
    </message>
    <message>
        <source>Leave out &amp;personal-data assets ({n} in this project)</source>
        <translation>Peidio â chynnwys asedau &amp;data personol ({n} yn y prosiect hwn)</translation>
    </message>
    <message>
        <source>Leave out photos and &amp;attachments ({n} in this project)</source>
        <translation>Peidio â chynnwys lluniau ac &amp;atodiadau ({n} yn y prosiect hwn)</translation>
    </message>
    <message>
        <source>&amp;Save the copy</source>
        <translation>&amp;Cadw&apos;r copi</translation>
    </message>
    <message>
        <source>The copy is the same project: work done in it can be merged back into this one later. Its label shows on the title bar wherever it is opened.</source>
        <translation>Yr un prosiect yw&apos;r copi: gellir cyfuno gwaith a wneir ynddo yn ôl i&apos;r un hwn yn nes ymlaen. Mae ei label yn dangos ar far y teitl lle bynnag y caiff ei agor.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Cadw i:</translation>
    </message>
    <message>
        <source>assetmap project (*.gpkg)</source>
        <translation>Prosiect assetmap (*.gpkg)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wrthi&apos;n dechrau…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Wrthi&apos;n copïo…</translation>
    </message>
    <message>
        <source> and </source>
        <translation> a </translation>
    </message>
    <message>
        <source>, without {things}</source>
        <translation>, heb {things}</translation>
    </message>
    <message>
        <source>Saved “{label}” to {path}: {n} assets{without}, {size} MB.</source>
        <translation>Cadwyd “{label}” i {path}: {n} ased{without}, {size} MB.</translation>
    </message>
    <message>
        <source>The copy could not be saved: {error}. Nothing was written.</source>
        <translation>Methwyd cadw&apos;r copi: {error}. Ni ysgrifennwyd dim.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Wedi canslo. Ni ysgrifennwyd dim.</translation>
    </message>
</context>
<context>
    <name>Find</name>
    <message>
        <source>Find a place, asset, area or postcode…</source>
        <translation>Chwilio am le, ased, ardal neu god post…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chwilio</translation>
    </message>
</context>
<context>
    <name>FindGaps</name>
    <message>
        <source>No assets of this kind to count yet. Ticking its group leaves it out; tick it on its own to see every area as a gap in it.</source>
        <translation>Does dim asedau o&apos;r math hwn i&apos;w cyfrif eto. Mae ticio ei grŵp yn ei adael allan; ticiwch ef ar ei ben ei hun i weld pob ardal yn fwlch ynddo.</translation>
    </message>
    <message>
        <source>Kinds of asset to look for</source>
        <translation>Mathau o ased i chwilio amdanynt</translation>
    </message>
    <message>
        <source>No assets of these kinds to count yet</source>
        <translation>Does dim asedau o&apos;r mathau hyn i&apos;w cyfrif eto</translation>
    </message>
    <message>
        <source>Assets in each area</source>
        <translation>Asedau ym mhob ardal</translation>
    </message>
    <message>
        <source>Assets per 1,000 people</source>
        <translation>Asedau fesul 1,000 o bobl</translation>
    </message>
    <message>
        <source>Assets per km²</source>
        <translation>Asedau fesul km²</translation>
    </message>
    <message>
        <source>Distance to the nearest asset (m)</source>
        <translation>Pellter i&apos;r ased agosaf (m)</translation>
    </message>
    <message>
        <source>Share of the area within {d} (%)</source>
        <translation>Cyfran o&apos;r ardal o fewn {d} (%)</translation>
    </message>
    <message>
        <source>Gap or not</source>
        <translation>Bwlch neu beidio</translation>
    </message>
    <message>
        <source>Need against provision</source>
        <translation>Angen yn erbyn darpariaeth</translation>
    </message>
    <message>
        <source>Same number of areas in each class</source>
        <translation>Yr un nifer o ardaloedd ym mhob dosbarth</translation>
    </message>
    <message>
        <source>Natural breaks (Fisher–Jenks)</source>
        <translation>Toriadau naturiol (Fisher–Jenks)</translation>
    </message>
    <message>
        <source>Equal steps</source>
        <translation>Camau cyfartal</translation>
    </message>
    <message>
        <source>Yellow–green–blue</source>
        <translation>Melyn–gwyrdd–glas</translation>
    </message>
    <message>
        <source>Yellow–orange–red</source>
        <translation>Melyn–oren–coch</translation>
    </message>
    <message>
        <source>Blues</source>
        <translation>Gleision</translation>
    </message>
    <message>
        <source>Greens</source>
        <translation>Gwyrddion</translation>
    </message>
    <message>
        <source>Show on the map</source>
        <translation>Dangos ar y map</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Category shown</source>
        <translation>Y categori a ddangosir</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Ar gyfer</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Dosbarthiadau</translation>
    </message>
    <message>
        <source>Number of classes</source>
        <translation>Nifer y dosbarthiadau</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Lliwiau</translation>
    </message>
    <message>
        <source>Dark = low</source>
        <translation>Tywyll = isel</translation>
    </message>
    <message>
        <source>Darkest colour for the lowest values</source>
        <translation>Y lliw tywyllaf ar gyfer y gwerthoedd isaf</translation>
    </message>
    <message>
        <source>While a what-if is shown, the proposed assets&apos; reach too</source>
        <translation>Tra bo senario beth os i&apos;w weld, cyrhaeddiad yr asedau arfaethedig hefyd</translation>
    </message>
    <message>
        <source>Hide the other kinds of asset</source>
        <translation>Cuddio&apos;r mathau eraill o ased</translation>
    </message>
    <message>
        <source>Show only the assets this search looked for</source>
        <translation>Dangos dim ond yr asedau y chwiliwyd amdanynt yn y chwiliad hwn</translation>
    </message>
    <message>
        <source>Show the ground within {d} of an asset</source>
        <translation>Dangos y tir o fewn {d} i ased</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Ardaloedd</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Asedau</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>O fewn</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>Maes poblogaeth</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Poblogaeth</translation>
    </message>
    <message>
        <source>Need field</source>
        <translation>Maes angen</translation>
    </message>
    <message>
        <source>A figure where higher means more need, such as a deprivation score</source>
        <translation>Ffigur lle mae gwerth uwch yn golygu mwy o angen, fel sgôr amddifadedd</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>Darpariaeth</translation>
    </message>
    <message>
        <source>Include contributions awaiting review</source>
        <translation>Cynnwys cyfraniadau sy&apos;n aros am adolygiad</translation>
    </message>
    <message>
        <source>Report needs raised in workshops</source>
        <translation>Adrodd ar anghenion a godwyd mewn gweithdai</translation>
    </message>
    <message>
        <source>Count the need pins (“this is missing here”) in each area as a figure of its own. They never count as assets.</source>
        <translation>Cyfrif y pinnau angen (“mae hyn ar goll yma”) ym mhob ardal fel ffigur ar wahân. Nid ydynt byth yn cyfrif fel asedau.</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Pellter</translation>
    </message>
    <message>
        <source>Share of the area within the distance</source>
        <translation>Cyfran o&apos;r ardal o fewn y pellter</translation>
    </message>
    <message>
        <source>What counts as provision when it is set against need</source>
        <translation>Beth sy&apos;n cyfrif fel darpariaeth pan gaiff ei gosod yn erbyn angen</translation>
    </message>
    <message>
        <source>Find gaps</source>
        <translation>Canfod bylchau</translation>
    </message>
    <message>
        <source>about a {minutes}-minute walk</source>
        <translation>taith gerdded o tua {minutes} munud</translation>
    </message>
    <message>
        <source>Areas with a gap, the ones to look at first on top.</source>
        <translation>Ardaloedd â bwlch, gyda&apos;r rhai i edrych arnynt yn gyntaf ar y brig.</translation>
    </message>
    <message>
        <source>How the gaps are ranked</source>
        <translation>Sut mae&apos;r bylchau wedi&apos;u trefnu</translation>
    </message>
    <message>
        <source>Ranked gaps</source>
        <translation>Bylchau yn eu trefn</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>Allforio&apos;r canlyniadau…</translation>
    </message>
    <message>
        <source>A CSV of every area&apos;s figures, with the method beside it</source>
        <translation>CSV o ffigurau pob ardal, gyda&apos;r dull wrth ei ochr</translation>
    </message>
    <message>
        <source>&lt;b&gt;{gaps:,} of {areas:,} areas&lt;/b&gt; have a gap in {category}: {gap}.</source>
        <translation>Mae gan &lt;b&gt;{gaps:,} o {areas:,} ardal&lt;/b&gt; fwlch o ran {category}: {gap}.</translation>
    </message>
    <message>
        <source> There are no assets of this kind to count, so every area is a gap.</source>
        <translation> Does dim asedau o&apos;r math hwn i&apos;w cyfrif, felly mae pob ardal yn fwlch.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— dim —</translation>
    </message>
    <message>
        <source>Find gaps: question and results</source>
        <translation>Canfod bylchau: cwestiwn a chanlyniadau</translation>
    </message>
    <message>
        <source>Where are assets missing?</source>
        <translation>Ble mae asedau ar goll?</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Canlyniadau</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Rhediad</translation>
    </message>
    <message>
        <source>Every search is kept in the project: pick an earlier one</source>
        <translation>Caiff pob chwiliad ei gadw yn y prosiect: dewiswch un cynharach</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Siart</translation>
    </message>
    <message>
        <source>How the figures were made</source>
        <translation>Sut y lluniwyd y ffigurau</translation>
    </message>
    <message>
        <source>How it was worked out</source>
        <translation>Sut y cafodd ei gyfrifo</translation>
    </message>
    <message>
        <source>{name} ({n:,} areas)</source>
        <translation>{name} ({n:,} ardal)</translation>
    </message>
    <message>
        <source>this project has no areas yet: import neighbourhood boundaries</source>
        <translation>nid oes gan y prosiect hwn ardaloedd eto: mewnforiwch ffiniau cymdogaethau</translation>
    </message>
    <message>
        <source>tick at least one kind of asset to look for</source>
        <translation>ticiwch o leiaf un math o ased i chwilio amdano</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wrthi&apos;n dechrau…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wrthi&apos;n stopio…</translation>
    </message>
    <message>
        <source>The gaps could not be found: {error}</source>
        <translation>Nid oedd modd canfod y bylchau: {error}</translation>
    </message>
    <message>
        <source>Something went wrong while finding gaps ({error}). Details are in the log.</source>
        <translation>Aeth rhywbeth o&apos;i le wrth ganfod bylchau ({error}). Mae&apos;r manylion yn y log.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was kept.</source>
        <translation>Wedi stopio. Ni chadwyd dim.</translation>
    </message>
    <message>
        <source>Run {run} could not be read from the project.</source>
        <translation>Nid oedd modd darllen rhediad {run} o&apos;r prosiect.</translation>
    </message>
    <message>
        <source>Areas with a gap. {ranking} Click one to see it on the map.</source>
        <translation>Ardaloedd â bwlch. {ranking} Cliciwch ar un i&apos;w gweld ar y map.</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Allforio&apos;r canlyniadau</translation>
    </message>
    <message>
        <source>gaps run {run}.csv</source>
        <translation>bylchau rhediad {run}.csv</translation>
    </message>
    <message>
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV, yn agor yn Excel (*.csv)</translation>
    </message>
    <message>
        <source>The results could not be saved: {error}</source>
        <translation>Nid oedd modd cadw&apos;r canlyniadau: {error}</translation>
    </message>
    <message>
        <source>Saved {name}, with how it was worked out in {method}.</source>
        <translation>Cadwyd {name}, gyda sut y cafodd ei gyfrifo yn {method}.</translation>
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
    <name>GapWording</name>
    <message>
        <source>no asset within {distance}, or less than {share} of the area within {distance} of one</source>
        <translation>dim ased o fewn {distance}, neu lai na {share} o&apos;r ardal o fewn {distance} i un</translation>
    </message>
    <message>
        <source>Ranked: least provision first, then the farthest from an asset.</source>
        <translation>Trefn: y ddarpariaeth leiaf yn gyntaf, yna&apos;r pellaf o ased.</translation>
    </message>
    <message>
        <source>Ranked: high need with low provision first, then by need.</source>
        <translation>Trefn: angen uchel gyda darpariaeth isel yn gyntaf, yna yn ôl angen.</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Boundary files (*.geojson *.json *.gpkg *.shp *.zip *.gz)</source>
        <translation>Ffeiliau ffiniau (*.geojson *.json *.gpkg *.shp *.zip *.gz)</translation>
    </message>
    <message>
        <source>Import areas</source>
        <translation>Mewnforio ardaloedd</translation>
    </message>
    <message>
        <source>Choose a boundary file: GeoJSON, GeoPackage or Shapefile (also zipped). Each polygon becomes one area of a new area set; the other columns are kept with the areas.</source>
        <translation>Dewiswch ffeil ffiniau: GeoJSON, GeoPackage neu Shapefile (gan gynnwys rhai wedi&apos;u sipio). Mae pob polygon yn dod yn un ardal mewn set newydd o ardaloedd; caiff y colofnau eraill eu cadw gyda&apos;r ardaloedd.</translation>
    </message>
    <message>
        <source>Area set name</source>
        <translation>Enw&apos;r set o ardaloedd</translation>
    </message>
    <message>
        <source>e.g. MSOA 2021 or Wards 2023</source>
        <translation>e.e. MSOA 2021 neu Wardiau 2023</translation>
    </message>
    <message>
        <source>Area set &amp;name:</source>
        <translation>&amp;Enw&apos;r set o ardaloedd:</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Cod ardal</translation>
    </message>
    <message>
        <source>Area name</source>
        <translation>Enw ardal</translation>
    </message>
    <message>
        <source>{rows} of {kind} geometry in {crs}; reprojected to the project&apos;s coordinate system and repaired where invalid.</source>
        <translation>{rows} o geometreg {kind} yn {crs}; caiff ei hailtaflunio i system gyfesurynnau&apos;r prosiect a&apos;i thrwsio lle mae&apos;n annilys.</translation>
    </message>
    <message>
        <source>an unknown CRS</source>
        <translation>system gyfesurynnau anhysbys</translation>
    </message>
    <message>
        <source>{file} has no geometry: areas come from GeoJSON, GeoPackage or Shapefile files. Go back and choose another file.</source>
        <translation>Nid oes geometreg yn {file}: daw ardaloedd o ffeiliau GeoJSON, GeoPackage neu Shapefile. Ewch yn ôl a dewis ffeil arall.</translation>
    </message>
    <message>
        <source>Give the new area set a name (for example &apos;MSOA 2021&apos;).</source>
        <translation>Rhowch enw i&apos;r set newydd o ardaloedd (er enghraifft &apos;MSOA 2021&apos;).</translation>
    </message>
    <message>
        <source>The project already has an area set called &apos;{name}&apos;: choose another name.</source>
        <translation>Mae gan y prosiect set o ardaloedd o&apos;r enw &apos;{name}&apos; yn barod: dewiswch enw arall.</translation>
    </message>
    <message>
        <source>Choose the column that holds each area&apos;s code.</source>
        <translation>Dewiswch y golofn sy&apos;n cynnwys cod pob ardal.</translation>
    </message>
    <message>
        <source>area code</source>
        <translation>cod ardal</translation>
    </message>
    <message>
        <source>area name</source>
        <translation>enw ardal</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>{kind} geometry in {crs}, reprojected to the project&apos;s coordinate system</source>
        <translation>geometreg {kind} yn {crs}, wedi&apos;i hailtaflunio i system gyfesurynnau&apos;r prosiect</translation>
    </message>
    <message>
        <source>New area set</source>
        <translation>Set newydd o ardaloedd</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Ffiniau</translation>
    </message>
    <message>
        <source>Other columns kept</source>
        <translation>Colofnau eraill a gedwir</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; is used for the area names: assetmap always uses a name column it recognises</source>
        <translation>Defnyddir &apos;{column}&apos; ar gyfer enwau&apos;r ardaloedd: mae assetmap bob amser yn defnyddio colofn enw y mae&apos;n ei hadnabod</translation>
    </message>
    <message>
        <source>&amp;One category for every asset:</source>
        <translation>&amp;Un categori ar gyfer pob ased:</translation>
    </message>
    <message>
        <source>Category &amp;from a column:</source>
        <translation>Categori &amp;o golofn:</translation>
    </message>
    <message>
        <source>Category of every asset</source>
        <translation>Categori pob ased</translation>
    </message>
    <message>
        <source>Column holding each asset&apos;s category</source>
        <translation>Colofn sy&apos;n cynnwys categori pob ased</translation>
    </message>
    <message>
        <source>What the values match</source>
        <translation>Beth mae&apos;r gwerthoedd yn cyfateb iddo</translation>
    </message>
    <message>
        <source>Remember my choices as other names</source>
        <translation>Cofio fy newisiadau fel enwau eraill</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Data personol</translation>
    </message>
    <message>
        <source>To give each asset the category its file names, choose “Category from a column”: every value of that column is listed with the category it matches, to change if you like.</source>
        <translation>I roi i bob ased y categori a enwir yn ei ffeil, dewiswch “Categori o golofn”: rhestrir pob gwerth yn y golofn honno gyda&apos;r categori y mae&apos;n cyfateb iddo, i&apos;w newid os mynnwch.</translation>
    </message>
    <message>
        <source>About the category</source>
        <translation>Ynghylch y categori</translation>
    </message>
    <message>
        <source>make a &amp;new category for each</source>
        <translation>creu categori &amp;newydd i bob un</translation>
    </message>
    <message>
        <source>put them under &amp;Uncategorised</source>
        <translation>eu rhoi o dan &amp;Heb gategori</translation>
    </message>
    <message>
        <source>Values that match no category:</source>
        <translation>Gwerthoedd nad ydynt yn cyfateb i unrhyw gategori:</translation>
    </message>
    <message>
        <source>Choose the column that holds each asset&apos;s category.</source>
        <translation>Dewiswch y golofn sy&apos;n cynnwys categori pob ased.</translation>
    </message>
    <message>
        <source>new categories</source>
        <translation>categorïau newydd</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>Heb gategori</translation>
    </message>
    <message>
        <source>{n} go to a category</source>
        <translation>{n} yn mynd i gategori</translation>
    </message>
    <message>
        <source>{n} match none (marked; they go to {where})</source>
        <translation>{n} heb gyfateb i ddim (wedi&apos;u marcio; maen nhw&apos;n mynd i {where})</translation>
    </message>
    <message>
        <source>{n} chosen by you</source>
        <translation>{n} wedi&apos;u dewis gennych chi</translation>
    </message>
    <message>
        <source>{values} in &apos;{column}&apos;: {parts}. Click a category to change it.</source>
        <translation>{values} yn &apos;{column}&apos;: {parts}. Cliciwch ar gategori i&apos;w newid.</translation>
    </message>
    <message>
        <source>That is a lot for a category: is it the right column?</source>
        <translation>Mae hynny&apos;n llawer i gategori: ai dyma&apos;r golofn gywir?</translation>
    </message>
    <message>
        <source>&amp;Remember {values} you chose as other names of their categories, so the next import matches them</source>
        <translation>&amp;Cofio {values} a ddewisoch fel enwau eraill ar eu categorïau, fel bod y mewnforio nesaf yn eu paru</translation>
    </message>
    <message>
        <source>All {assets} would be Uncategorised: choose the category they belong to, or take it from a column.</source>
        <translation>Byddai pob un o&apos;r {assets} Heb gategori: dewiswch y categori y maent yn perthyn iddo, neu cymerwch ef o golofn.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Contact (email)</source>
        <translation>Cyswllt (e-bost)</translation>
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
        <source>Who it is for</source>
        <translation>Ar gyfer pwy</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Gwiriwyd ddiwethaf</translation>
    </message>
    <message>
        <source>These assets are &amp;personal data (a person&apos;s skills): keep them out of exports</source>
        <translation>Mae&apos;r asedau hyn yn ddata &amp;personol (sgiliau unigolyn): eu cadw allan o allforion</translation>
    </message>
    <message>
        <source>&amp;Match rows again by:</source>
        <translation>Paru&apos;&amp;r rhesi eto yn ôl:</translation>
    </message>
    <message>
        <source>Match rows again by</source>
        <translation>Paru&apos;r rhesi eto yn ôl</translation>
    </message>
    <message>
        <source>Importing this file again updates the assets it made instead of adding them twice: an identifier column (a URN, an ODS code) is best; else name and postcode</source>
        <translation>Mae mewnforio&apos;r ffeil hon eto yn diweddaru&apos;r asedau a wnaeth yn hytrach na&apos;u hychwanegu ddwywaith: colofn ddynodwr (URN, cod ODS) sydd orau; fel arall enw a chod post</translation>
    </message>
    <message>
        <source>This file &amp;replaces:</source>
        <translation>Mae&apos;r ffeil hon yn &amp;disodli:</translation>
    </message>
    <message>
        <source>This file replaces</source>
        <translation>Mae&apos;r ffeil hon yn disodli</translation>
    </message>
    <message>
        <source>Choose the file this one is a newer version of: its rows then update the assets that file made instead of adding them again</source>
        <translation>Dewiswch y ffeil y mae hon yn fersiwn mwy diweddar ohoni: bydd ei rhesi wedyn yn diweddaru&apos;r asedau a wnaeth y ffeil honno yn hytrach na&apos;u hychwanegu eto</translation>
    </message>
    <message>
        <source>Nothing: a new file, or one of the same name</source>
        <translation>Dim: ffeil newydd, neu un o&apos;r un enw</translation>
    </message>
    <message>
        <source>Identifier column &apos;{column}&apos;</source>
        <translation>Colofn ddynodwr &apos;{column}&apos;</translation>
    </message>
    <message>
        <source>{choice} (proposed)</source>
        <translation>{choice} (awgrymir)</translation>
    </message>
    <message>
        <source>{assets} came from a file named {file}: this import updates them where {key} match, adds the new rows, and lists (and keeps) those no longer in the file.</source>
        <translation>Daeth {assets} o ffeil o&apos;r enw {file}: mae&apos;r mewnforio hwn yn eu diweddaru lle mae {key} yn cyfateb, yn ychwanegu&apos;r rhesi newydd, ac yn rhestru (ac yn cadw) y rhai nad ydynt yn y ffeil mwyach.</translation>
    </message>
    <message>
        <source>Importing {file} again later will update these assets where {key} match.</source>
        <translation>Bydd mewnforio {file} eto yn nes ymlaen yn diweddaru&apos;r asedau hyn lle mae {key} yn cyfateb.</translation>
    </message>
    <message>
        <source>Address is built from {columns}.</source>
        <translation>Caiff y cyfeiriad ei lunio o {columns}.</translation>
    </message>
    <message>
        <source>Opening hours come from {n} day columns.</source>
        <translation>Daw&apos;r oriau agor o {n} colofn diwrnod.</translation>
    </message>
    <message>
        <source>Columns not used here are kept with each asset as extra fields; nothing is lost.</source>
        <translation>Caiff colofnau nas defnyddir yma eu cadw gyda phob ased fel meysydd ychwanegol; ni chollir dim.</translation>
    </message>
    <message>
        <source>Not kept: {columns}, which only say how another map program drew the points.</source>
        <translation>Heb eu cadw: {columns}, sydd ond yn dweud sut y lluniodd rhaglen fapiau arall y pwyntiau.</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>lledred</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>hydred</translation>
    </message>
    <message>
        <source>geometry (WKT)</source>
        <translation>geometreg (WKT)</translation>
    </message>
    <message>
        <source>Latitude column</source>
        <translation>Colofn lledred</translation>
    </message>
    <message>
        <source>Longitude column</source>
        <translation>Colofn hydred</translation>
    </message>
    <message>
        <source>X column</source>
        <translation>Colofn X</translation>
    </message>
    <message>
        <source>Y column</source>
        <translation>Colofn Y</translation>
    </message>
    <message>
        <source>Geometry (WKT) column</source>
        <translation>Colofn geometreg (WKT)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Lledred</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Hydred</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>System gyfesurynnau</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colofn</translation>
    </message>
    <message>
        <source>The file&apos;s own &amp;geometry</source>
        <translation>&amp;Geometreg y ffeil ei hun</translation>
    </message>
    <message>
        <source>L&amp;atitude and longitude columns</source>
        <translation>Colofnau &amp;lledred a hydred</translation>
    </message>
    <message>
        <source>&amp;X and Y columns (e.g. eastings, northings)</source>
        <translation>Colofnau &amp;X ac Y (e.e. dwyreiniadau, gogleddiadau)</translation>
    </message>
    <message>
        <source>&amp;WKT geometry column</source>
        <translation>Colofn geometreg &amp;WKT</translation>
    </message>
    <message>
        <source>No coordinates: place by &amp;postcode only</source>
        <translation>Dim cyfesurynnau: lleoli yn ôl &amp;cod post yn unig</translation>
    </message>
    <message>
        <source>Coordinate system of X and Y</source>
        <translation>System gyfesurynnau X ac Y</translation>
    </message>
    <message>
        <source>Coordinate system of the WKT</source>
        <translation>System gyfesurynnau&apos;r WKT</translation>
    </message>
    <message>
        <source>e.g. EPSG:27700</source>
        <translation>e.e. EPSG:27700</translation>
    </message>
    <message>
        <source>Postcode index file</source>
        <translation>Ffeil mynegai codau post</translation>
    </message>
    <message>
        <source>optional: OS Code-Point Open zip, or a CSV of postcodes with coordinates</source>
        <translation>dewisol: ffeil zip OS Code-Point Open, neu CSV o godau post gyda chyfesurynnau</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>P&amp;ori…</translation>
    </message>
    <message>
        <source>Browse for a postcode index file</source>
        <translation>Pori am ffeil mynegai codau post</translation>
    </message>
    <message>
        <source>Postcode &amp;index:</source>
        <translation>&amp;Mynegai codau post:</translation>
    </message>
    <message>
        <source>assetmap reads the coordinate columns it recognises; choose other columns</source>
        <translation>mae assetmap yn darllen y colofnau cyfesurynnau y mae&apos;n eu hadnabod; dewiswch golofnau eraill</translation>
    </message>
    <message>
        <source>{kind} in {crs}</source>
        <translation>{kind} yn {crs}</translation>
    </message>
    <message>
        <source>an unknown coordinate system</source>
        <translation>system gyfesurynnau anhysbys</translation>
    </message>
    <message>
        <source>this file has no geometry</source>
        <translation>nid oes geometreg yn y ffeil hon</translation>
    </message>
    <message>
        <source>Detected: {guess}.</source>
        <translation>Canfuwyd: {guess}.</translation>
    </message>
    <message>
        <source>Choose the coordinate columns, or another way to place assets.</source>
        <translation>Dewiswch y colofnau cyfesurynnau, neu ffordd arall o leoli asedau.</translation>
    </message>
    <message>
        <source>Type the coordinate system of the X and Y columns, e.g. EPSG:27700 for British National Grid.</source>
        <translation>Teipiwch system gyfesurynnau&apos;r colofnau X ac Y, e.e. EPSG:27700 ar gyfer Grid Cenedlaethol Prydain.</translation>
    </message>
    <message>
        <source>&apos;{crs}&apos; is not a coordinate system assetmap knows; try EPSG:27700.</source>
        <translation>Nid yw &apos;{crs}&apos; yn system gyfesurynnau y mae assetmap yn ei hadnabod; rhowch gynnig ar EPSG:27700.</translation>
    </message>
    <message>
        <source>The postcode index file {file} does not exist.</source>
        <translation>Nid yw&apos;r ffeil mynegai codau post {file} yn bodoli.</translation>
    </message>
    <message>
        <source>Choose a postcode index</source>
        <translation>Dewis mynegai codau post</translation>
    </message>
    <message>
        <source>Postcode files (*.zip *.csv *.xlsx *.gz)</source>
        <translation>Ffeiliau codau post (*.zip *.csv *.xlsx *.gz)</translation>
    </message>
    <message>
        <source>No postcode column is chosen, so rows without coordinates stay unplaced.</source>
        <translation>Nid oes colofn cod post wedi&apos;i dewis, felly bydd rhesi heb gyfesurynnau yn aros heb eu lleoli.</translation>
    </message>
    <message>
        <source>Rows without coordinates are placed by their postcode (&apos;{column}&apos;), from this file or, without one, from the postcodes the project already holds.</source>
        <translation>Caiff rhesi heb gyfesurynnau eu lleoli yn ôl eu cod post (&apos;{column}&apos;), o&apos;r ffeil hon neu, heb un, o&apos;r codau post sydd gan y prosiect yn barod.</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Colofnau eraill</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Postcodes</source>
        <translation>Codau post</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Matched again by</source>
        <translation>Yn cael eu paru eto yn ôl</translation>
    </message>
    <message>
        <source>Kept as extra fields</source>
        <translation>Wedi&apos;u cadw fel meysydd ychwanegol</translation>
    </message>
    <message>
        <source>Not kept (map styling)</source>
        <translation>Heb eu cadw (arddull map)</translation>
    </message>
    <message>
        <source>yes: kept out of exports unless chosen</source>
        <translation>ydyn: wedi&apos;u cadw allan o allforion oni bai eu bod yn cael eu dewis</translation>
    </message>
    <message>
        <source>Address: built from {columns}</source>
        <translation>Cyfeiriad: wedi&apos;i lunio o {columns}</translation>
    </message>
    <message>
        <source>Opening hours: from {n} day columns</source>
        <translation>Oriau agor: o {n} colofn diwrnod</translation>
    </message>
    <message>
        <source>the file&apos;s own {kind} geometry, in {crs}</source>
        <translation>geometreg {kind} y ffeil ei hun, yn {crs}</translation>
    </message>
    <message>
        <source>latitude {lat}, longitude {lon} (WGS 84)</source>
        <translation>lledred {lat}, hydred {lon} (WGS 84)</translation>
    </message>
    <message>
        <source>X {x}, Y {y}, in {crs}</source>
        <translation>X {x}, Y {y}, yn {crs}</translation>
    </message>
    <message>
        <source>WKT geometry in {column}, in {crs}</source>
        <translation>geometreg WKT yn {column}, yn {crs}</translation>
    </message>
    <message>
        <source>by postcode only</source>
        <translation>yn ôl cod post yn unig</translation>
    </message>
    <message>
        <source>no postcode column: rows without coordinates stay unplaced</source>
        <translation>dim colofn cod post: bydd rhesi heb gyfesurynnau yn aros heb eu lleoli</translation>
    </message>
    <message>
        <source>the postcodes the project already holds</source>
        <translation>y codau post sydd gan y prosiect yn barod</translation>
    </message>
    <message>
        <source>&apos;{column}&apos;, for rows without coordinates, looked up in {where}</source>
        <translation>&apos;{column}&apos;, ar gyfer rhesi heb gyfesurynnau, wedi&apos;i chwilio yn {where}</translation>
    </message>
    <message>
        <source>Uncategorised for every asset: none was chosen</source>
        <translation>Heb gategori ar gyfer pob ased: ni ddewiswyd un</translation>
    </message>
    <message>
        <source>{category} for every asset</source>
        <translation>{category} ar gyfer pob ased</translation>
    </message>
    <message>
        <source>a new category for each</source>
        <translation>categori newydd i bob un</translation>
    </message>
    <message>
        <source>({n} chosen by you)</source>
        <translation>({n} wedi&apos;u dewis gennych chi)</translation>
    </message>
    <message>
        <source>from column &apos;{column}&apos;: {matched} of {values} values go to a category{yours}; the others get {unknown}</source>
        <translation>o&apos;r golofn &apos;{column}&apos;: mae {matched} o {values} gwerth yn mynd i gategori{yours}; mae&apos;r lleill yn cael {unknown}</translation>
    </message>
    <message>
        <source>Import assets</source>
        <translation>Mewnforio asedau</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.xlsx *.geojson *.json *.gpkg *.shp *.zip *.gz)</source>
        <translation>Ffeiliau data (*.csv *.tsv *.txt *.xlsx *.geojson *.json *.gpkg *.shp *.zip *.gz)</translation>
    </message>
    <message>
        <source>Choose a file of assets: a spreadsheet (CSV or XLSX) with coordinates or postcodes, or GeoJSON, GeoPackage or Shapefile. Every row is kept: rows that cannot be placed are imported as unplaced, to be placed by hand.</source>
        <translation>Dewiswch ffeil o asedau: taenlen (CSV neu XLSX) gyda chyfesurynnau neu godau post, neu GeoJSON, GeoPackage neu Shapefile. Caiff pob rhes ei chadw: caiff rhesi na ellir eu lleoli eu mewnforio heb eu lleoli, i&apos;w lleoli â llaw.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colofnau</translation>
    </message>
    <message>
        <source>What the columns are</source>
        <translation>Beth yw&apos;r colofnau</translation>
    </message>
    <message>
        <source>First rows of the file (tinted columns are used; the others are kept as fields):</source>
        <translation>Rhesi cyntaf y ffeil (defnyddir y colofnau lliw; caiff y lleill eu cadw fel meysydd):</translation>
    </message>
    <message>
        <source> and </source>
        <translation> a </translation>
    </message>
    <message>
        <source>{rows} go to {categories}, which holds personal data: those assets are flagged and left out of exports unless an export includes personal data.</source>
        <translation>Mae {rows} yn mynd i {categories}, sy&apos;n cynnwys data personol: caiff yr asedau hynny eu marcio a&apos;u gadael allan o allforion oni bai bod allforio&apos;n cynnwys data personol.</translation>
    </message>
    <message>
        <source>Choose the column that holds each asset&apos;s name.</source>
        <translation>Dewiswch y golofn sy&apos;n cynnwys enw pob ased.</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categori</translation>
    </message>
    <message>
        <source>address part</source>
        <translation>rhan o&apos;r cyfeiriad</translation>
    </message>
    <message>
        <source>{change}, remembering {names}</source>
        <translation>{change}, gan gofio {names}</translation>
    </message>
    <message>
        <source>{values} will be remembered as other names of &apos;{category}&apos;</source>
        <translation>Caiff {values} eu cofio fel enwau eraill ar &apos;{category}&apos;</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; is still used for {field}: assetmap always uses a column it recognises</source>
        <translation>Defnyddir &apos;{column}&apos; o hyd ar gyfer {field}: mae assetmap bob amser yn defnyddio colofn y mae&apos;n ei hadnabod</translation>
    </message>
    <message>
        <source>Choose file</source>
        <translation>Dewis ffeil</translation>
    </message>
    <message>
        <source>Check and import</source>
        <translation>Gwirio a mewnforio</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Mewnforio</translation>
    </message>
    <message>
        <source>Map columns</source>
        <extracomment>The mapping page&apos;s parts, each its own step (``_show_mapping_part`` shows one).</extracomment>
        <translation>Mapio colofnau</translation>
    </message>
    <message>
        <source>Import steps</source>
        <translation>Camau mewnforio</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Ffeil i&apos;w mewnforio</translation>
    </message>
    <message>
        <source>Choose a file, or drop one on this window</source>
        <translation>Dewiswch ffeil, neu gollwng un ar y ffenestr hon</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pori…</translation>
    </message>
    <message>
        <source>Browse for the file to import</source>
        <translation>Pori am y ffeil i&apos;w mewnforio</translation>
    </message>
    <message>
        <source>Layer or sheet</source>
        <translation>Haen neu ddalen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Ffeil:</translation>
    </message>
    <message>
        <source>&amp;Layer or sheet:</source>
        <translation>&amp;Haen neu ddalen:</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Beth sydd yn y ffeil</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Rhesi cyntaf y ffeil</translation>
    </message>
    <message>
        <source>First rows with the columns used</source>
        <translation>Rhesi cyntaf gyda&apos;r colofnau a ddefnyddir</translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation>Rhesi cyntaf y ffeil:</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>‹ &amp;Back</source>
        <translation>‹ &amp;Yn ôl</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Nesaf ›</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Step {n} of {total}: {title}</source>
        <translation>Cam {n} o {total}: {title}</translation>
    </message>
    <message>
        <source>&amp;Check ›</source>
        <translation>&amp;Gwirio ›</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Wedi canslo; ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>{title}: choose a file</source>
        <translation>{title}: dewis ffeil</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Yn darllen {file}…</translation>
    </message>
    <message>
        <source>Read {rows} from {file}</source>
        <translation>Darllenwyd {rows} o {file}</translation>
    </message>
    <message>
        <source>This file cannot be read: {problem}</source>
        <translation>Nid oes modd darllen y ffeil hon: {problem}</translation>
    </message>
    <message>
        <source>Category for &apos;{value}&apos;</source>
        <translation>Categori ar gyfer &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Gwerth yn y ffeil</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rhesi</translation>
    </message>
    <message>
        <source>How it was matched</source>
        <translation>Sut y cafodd ei baru</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>Category of each value</source>
        <translation>Categori pob gwerth</translation>
    </message>
    <message>
        <source>Click a category to choose another; what you choose is imported</source>
        <translation>Cliciwch ar gategori i ddewis un arall; caiff yr hyn a ddewiswch ei fewnforio</translation>
    </message>
    <message>
        <source>blank cells</source>
        <translation>celloedd gwag</translation>
    </message>
    <message>
        <source>no guess: could be {categories}</source>
        <translation>dim dyfaliad: gallai fod yn {categories}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> neu </translation>
    </message>
    <message>
        <source>Click to choose another category</source>
        <translation>Cliciwch i ddewis categori arall</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>wedi&apos;i ddewis gennych chi</translation>
    </message>
    <message>
        <source>New category “{value}”</source>
        <translation>Categori newydd “{value}”</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>Methu cadw&apos;r adroddiad: {reason}</translation>
    </message>
    <message>
        <source>Report saved to {file}</source>
        <translation>Cadwyd yr adroddiad yn {file}</translation>
    </message>
    <message>
        <source>Checking {file}… nothing is written to the project yet.</source>
        <translation>Yn gwirio {file}… nid oes dim wedi&apos;i ysgrifennu i&apos;r prosiect eto.</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Yn gwirio {file}…</translation>
    </message>
    <message>
        <source>Checked. Nothing has been written yet.</source>
        <translation>Wedi&apos;i wirio. Nid oes dim wedi&apos;i ysgrifennu eto.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>y ffeil</translation>
    </message>
    <message>
        <source>Nothing can be imported from {file}</source>
        <translation>Nid oes modd mewnforio dim o {file}</translation>
    </message>
    <message>
        <source>{file} cannot be imported as it is</source>
        <translation>Nid oes modd mewnforio {file} fel y mae</translation>
    </message>
    <message>
        <source>Nothing was changed. Go back to change the columns or the file.</source>
        <translation>Ni newidiwyd dim. Ewch yn ôl i newid y colofnau neu&apos;r ffeil.</translation>
    </message>
    <message>
        <source>this file</source>
        <translation>y ffeil hon</translation>
    </message>
    <message>
        <source>They look like {crs} ({code}).</source>
        <translation>Maen nhw&apos;n edrych fel {crs} ({code}).</translation>
    </message>
    <message>
        <source>The locations look wrong</source>
        <translation>Mae&apos;r lleoliadau&apos;n edrych yn anghywir</translation>
    </message>
    <message>
        <source>The locations in {file} do not fit the coordinate system the file names: imported as they are, they would land in the wrong place.</source>
        <translation>Nid yw&apos;r lleoliadau yn {file} yn gweddu i&apos;r system gyfesurynnau a enwir gan y ffeil: o&apos;u mewnforio fel y maent, byddent yn glanio yn y lle anghywir.</translation>
    </message>
    <message>
        <source>If you know the file is right, import it anyway. Otherwise save the file again with the right coordinate system and choose it again.</source>
        <translation>Os ydych yn gwybod bod y ffeil yn gywir, mewnforiwch hi beth bynnag. Fel arall, cadwch y ffeil eto gyda&apos;r system gyfesurynnau gywir a&apos;i dewis eto.</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Mewnforio beth bynnag</translation>
    </message>
    <message>
        <source>Don&apos;t import</source>
        <translation>Peidio â mewnforio</translation>
    </message>
    <message>
        <source>&amp;Import again</source>
        <translation>&amp;Mewnforio eto</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>&amp;Import {count}</source>
        <translation>&amp;Mewnforio {count}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Wedi&apos;u mewnforio</translation>
    </message>
    <message>
        <source>The check found</source>
        <translation>Canfu&apos;r gwiriad</translation>
    </message>
    <message>
        <source>{rows} in the file: {summary}</source>
        <translation>{rows} yn y ffeil: {summary}</translation>
    </message>
    <message>
        <source>{count} imported</source>
        <translation>{count} wedi&apos;u mewnforio</translation>
    </message>
    <message>
        <source>{count} to import</source>
        <translation>{count} i&apos;w mewnforio</translation>
    </message>
    <message>
        <source>{text}: {placed} placed on the map, {unplaced} unplaced</source>
        <translation>{text}: {placed} wedi&apos;u lleoli ar y map, {unplaced} heb eu lleoli</translation>
    </message>
    <message>
        <source>{text}; {n} rejected</source>
        <translation>{text}; {n} wedi&apos;u gwrthod</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Yn mewnforio…</translation>
    </message>
    <message>
        <source>Done: {change}.</source>
        <translation>Wedi gorffen: {change}.</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>Methodd y mewnforio</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Cadw&apos;r adroddiad mewnforio</translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation>{n} rhes</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} rhes</translation>
    </message>
    <message>
        <source>{n} line</source>
        <translation>{n} llinell</translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation>{n} llinell</translation>
    </message>
    <message>
        <source>{n} feature</source>
        <translation>{n} nodwedd</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} nodwedd</translation>
    </message>
    <message>
        <source>{n} record</source>
        <translation>{n} cofnod</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} cofnod</translation>
    </message>
    <message>
        <source>{n} area</source>
        <translation>{n} ardal</translation>
    </message>
    <message>
        <source>{n} areas</source>
        <translation>{n} ardal</translation>
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
        <source>{n} column</source>
        <translation>{n} colofn</translation>
    </message>
    <message>
        <source>{n} columns</source>
        <translation>{n} colofn</translation>
    </message>
    <message>
        <source>{n} value</source>
        <translation>{n} gwerth</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>{n} gwerth</translation>
    </message>
    <message>
        <source>{n} different value</source>
        <translation>{n} gwerth gwahanol</translation>
    </message>
    <message>
        <source>{n} different values</source>
        <translation>{n} gwerth gwahanol</translation>
    </message>
    <message>
        <source>{n} other name</source>
        <translation>{n} enw arall</translation>
    </message>
    <message>
        <source>{n} other names</source>
        <translation>{n} enw arall</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rhes</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Llinell</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Nodwedd</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— dim —</translation>
    </message>
    <message>
        <source>guessed</source>
        <translation>dyfalwyd</translation>
    </message>
    <message>
        <source>Column for {field}</source>
        <translation>Colofn ar gyfer {field}</translation>
    </message>
    <message>
        <source>guessed from the file</source>
        <translation>wedi&apos;i ddyfalu o&apos;r ffeil</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt *.xlsx *.gz)</source>
        <translation>Tablau (*.csv *.tsv *.txt *.xlsx *.gz)</translation>
    </message>
    <message>
        <source>Import indicators</source>
        <translation>Mewnforio dangosyddion</translation>
    </message>
    <message>
        <source>Choose a table of figures per area (population, deprivation, ...): CSV or XLSX with one column holding the area codes. The columns you choose are added to an area set.</source>
        <translation>Dewiswch dabl o ffigurau fesul ardal (poblogaeth, amddifadedd, ...): CSV neu XLSX gydag un golofn yn cynnwys y codau ardal. Caiff y colofnau a ddewiswch eu hychwanegu at set o ardaloedd.</translation>
    </message>
    <message>
        <source>Area set to add the columns to</source>
        <translation>Set o ardaloedd i ychwanegu&apos;r colofnau ati</translation>
    </message>
    <message>
        <source>&amp;Area set:</source>
        <translation>&amp;Set o ardaloedd:</translation>
    </message>
    <message>
        <source>Area code column</source>
        <translation>Colofn cod ardal</translation>
    </message>
    <message>
        <source>Use only some rows</source>
        <translation>Defnyddio rhai rhesi yn unig</translation>
    </message>
    <message>
        <source>Column to filter rows by</source>
        <translation>Colofn i hidlo rhesi yn ôl</translation>
    </message>
    <message>
        <source>Value of the rows to use</source>
        <translation>Gwerth y rhesi i&apos;w defnyddio</translation>
    </message>
    <message>
        <source>Columns to join (double-click under &apos;Store as&apos; to rename):</source>
        <translation>Colofnau i&apos;w cysylltu (cliciwch ddwywaith o dan &apos;Cadw fel&apos; i ailenwi):</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Pob un</translation>
    </message>
    <message>
        <source>Select all columns</source>
        <translation>Dewis pob colofn</translation>
    </message>
    <message>
        <source>Numbers only</source>
        <translation>Rhifau yn unig</translation>
    </message>
    <message>
        <source>Select numbers only columns</source>
        <translation>Dewis colofnau rhifau yn unig</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Select none columns</source>
        <translation>Dewis dim colofnau</translation>
    </message>
    <message>
        <source>Columns to join</source>
        <translation>Colofnau i&apos;w cysylltu</translation>
    </message>
    <message>
        <source>Store as</source>
        <translation>Cadw fel</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Yn cynnwys</translation>
    </message>
    <message>
        <source>{share} of its values are codes of the area set.</source>
        <translation>Mae {share} o&apos;i gwerthoedd yn godau yn y set o ardaloedd.</translation>
    </message>
    <message>
        <source>This file has {n} rows per area — use only rows where</source>
        <translation>Mae gan y ffeil hon {n} rhes i bob ardal — defnyddio dim ond rhesi lle mae</translation>
    </message>
    <message>
        <source>the column&apos;s name in the project; double-click to change it</source>
        <translation>enw&apos;r golofn yn y prosiect; cliciwch ddwywaith i&apos;w newid</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testun</translation>
    </message>
    <message>
        <source>This project has no area sets yet: import areas (boundaries) first.</source>
        <translation>Nid oes gan y prosiect hwn setiau o ardaloedd eto: mewnforiwch ardaloedd (ffiniau) yn gyntaf.</translation>
    </message>
    <message>
        <source>Choose the column that holds the area codes.</source>
        <translation>Dewiswch y golofn sy&apos;n cynnwys y codau ardal.</translation>
    </message>
    <message>
        <source>Tick at least one column to join.</source>
        <translation>Ticiwch o leiaf un golofn i&apos;w chysylltu.</translation>
    </message>
    <message>
        <source>Give column &apos;{column}&apos; a name to store it as.</source>
        <translation>Rhowch enw i gadw&apos;r golofn &apos;{column}&apos; ynddo.</translation>
    </message>
    <message>
        <source>not used: only rows where {filter} are</source>
        <translation>heb ei defnyddio: dim ond rhesi lle mae {filter} a ddefnyddir</translation>
    </message>
    <message>
        <source>only &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; yn unig</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>wedi&apos;i chysylltu</translation>
    </message>
    <message>
        <source>{column} as &apos;{name}&apos;</source>
        <translation>{column} fel &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>only where {filter}</source>
        <translation>dim ond lle mae {filter}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>pob un</translation>
    </message>
    <message>
        <source>Area set</source>
        <translation>Set o ardaloedd</translation>
    </message>
    <message>
        <source>Area codes</source>
        <translation>Codau ardal</translation>
    </message>
    <message>
        <source>Rows used</source>
        <translation>Rhesi a ddefnyddir</translation>
    </message>
    <message>
        <source>{columns} for {areas}</source>
        <translation>{columns} ar gyfer {areas}</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>rhifau</translation>
    </message>
    <message>
        <source>Open Referral directories (datapackage.json *.zip *.json)</source>
        <translation>Cyfeiriaduron Open Referral (datapackage.json *.zip *.json)</translation>
    </message>
    <message>
        <source>Open Referral UK service type</source>
        <translation>Math o wasanaeth Open Referral UK</translation>
    </message>
    <message>
        <source>Import service directory</source>
        <translation>Mewnforio cyfeiriadur gwasanaethau</translation>
    </message>
    <message>
        <source>Choose an Open Referral (HSDS 3.0 / Open Referral UK) service directory: the data package (a .zip, or the datapackage.json in its folder) or HSDS JSON (service records or a page an API returned; type a folder&apos;s path for several pages). Each service at a location becomes an asset, with its organisation and service details kept as fields; importing the same directory again updates them.</source>
        <translation>Dewiswch gyfeiriadur gwasanaethau Open Referral (HSDS 3.0 / Open Referral UK): y pecyn data (ffeil .zip, neu&apos;r datapackage.json yn ei ffolder) neu HSDS JSON (cofnodion gwasanaeth neu dudalen a ddychwelwyd gan API; teipiwch lwybr ffolder ar gyfer sawl tudalen). Mae pob gwasanaeth mewn lleoliad yn dod yn ased, gyda manylion ei sefydliad a&apos;i wasanaeth wedi&apos;u cadw fel meysydd; mae mewnforio&apos;r un cyfeiriadur eto yn eu diweddaru.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorïau</translation>
    </message>
    <message>
        <source>Each service&apos;s category comes from its taxonomy term. Click a category to choose another; what you choose is imported.</source>
        <translation>Daw categori pob gwasanaeth o&apos;i derm tacsonomeg. Cliciwch ar gategori i ddewis un arall; caiff yr hyn a ddewiswch ei fewnforio.</translation>
    </message>
    <message>
        <source>Category of each taxonomy term</source>
        <translation>Categori pob term tacsonomeg</translation>
    </message>
    <message>
        <source>Terms that match no category:</source>
        <translation>Termau nad ydynt yn cyfateb i unrhyw gategori:</translation>
    </message>
    <message>
        <source>make &amp;new categories</source>
        <translation>creu categorïau &amp;newydd</translation>
    </message>
    <message>
        <source>put in &apos;&amp;Uncategorised&apos;</source>
        <translation>rhoi yn &apos;&amp;Heb gategori&apos;</translation>
    </message>
    <message>
        <source>Postcode index</source>
        <translation>Mynegai codau post</translation>
    </message>
    <message>
        <source>the project&apos;s postcode index (or a Code-Point Open zip, or a postcode,lat,lon CSV)</source>
        <translation>mynegai codau post y prosiect (neu ffeil zip Code-Point Open, neu CSV postcode,lat,lon)</translation>
    </message>
    <message>
        <source>&amp;Postcode index:</source>
        <translation>&amp;Mynegai codau post:</translation>
    </message>
    <message>
        <source>First services of the directory:</source>
        <translation>Gwasanaethau cyntaf y cyfeiriadur:</translation>
    </message>
    <message>
        <source>Locations without coordinates are placed by their postcode; impossible coordinates are reported and not used.</source>
        <translation>Caiff lleoliadau heb gyfesurynnau eu lleoli yn ôl eu cod post; caiff cyfesurynnau amhosibl eu nodi yn yr adroddiad ac ni chânt eu defnyddio.</translation>
    </message>
    <message>
        <source>position</source>
        <translation>safle</translation>
    </message>
    <message>
        <source>name</source>
        <translation>enw</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>One asset per</source>
        <translation>Un ased i bob</translation>
    </message>
    <message>
        <source>service at a location</source>
        <translation>gwasanaeth mewn lleoliad</translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation>Wedi&apos;i adnabod yn ôl</translation>
    </message>
    <message>
        <source>the service_at_location id (importing again updates)</source>
        <translation>dynodwr service_at_location (mae mewnforio eto yn diweddaru)</translation>
    </message>
    <message>
        <source>{terms} terms, {chosen} chosen by you</source>
        <translation>{terms} term, {chosen} wedi&apos;u dewis gennych chi</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; is used as {field}</source>
        <translation>Defnyddir &apos;{column}&apos; fel {field}</translation>
    </message>
    <message>
        <source>{kind} geometry in {crs}</source>
        <translation>geometreg {kind} yn {crs}</translation>
    </message>
    <message>
        <source>with geometry</source>
        <translation>gyda geometreg</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>dim geometreg</translation>
    </message>
    <message>
        <source>Something went wrong ({error}). Nothing was changed.</source>
        <translation>Aeth rhywbeth o&apos;i le ({error}). Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} a {n} arall</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Wedi&apos;u gwrthod</translation>
    </message>
    <message>
        <source>Unplaced</source>
        <translation>Heb eu lleoli</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Wedi&apos;u trwsio</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Wedi&apos;u diweddaru</translation>
    </message>
    <message>
        <source>No longer in the file</source>
        <translation>Nid ydynt yn y ffeil mwyach</translation>
    </message>
    <message>
        <source>Imported {count} from {file}</source>
        <translation>Mewnforiwyd {count} o {file}</translation>
    </message>
    <message>
        <source>Edit › Undo takes the import out again.</source>
        <translation>Mae Golygu › Dadwneud yn tynnu&apos;r mewnforio allan eto.</translation>
    </message>
    <message>
        <source>Ready to import {count} from {file}</source>
        <translation>Yn barod i fewnforio {count} o {file}</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Check the rows below, then press Import; go Back to change the columns.</source>
        <translation>Nid oes dim wedi&apos;i ysgrifennu eto. Gwiriwch y rhesi isod, yna pwyswch Mewnforio; ewch Yn ôl i newid y colofnau.</translation>
    </message>
    <message>
        <source>{n} of them lie outside the project&apos;s areas: they are kept and flagged &apos;out of area&apos;.</source>
        <translation>Mae {n} ohonynt y tu allan i ardaloedd y prosiect: cânt eu cadw a&apos;u marcio &apos;y tu allan i&apos;r ardal&apos;.</translation>
    </message>
    <message>
        <source>Unplaced rows are kept, to be placed by hand later.</source>
        <translation>Caiff rhesi heb eu lleoli eu cadw, i&apos;w lleoli â llaw yn nes ymlaen.</translation>
    </message>
    <message>
        <source>Imported {file} again</source>
        <translation>Mewnforiwyd {file} eto</translation>
    </message>
    <message>
        <source>Matched to the assets an earlier import made by {key}: {summary}. Assets no longer in the file are listed and kept; nothing was deleted. Edit › Undo takes the import out again.</source>
        <translation>Wedi&apos;u paru â&apos;r asedau a wnaed gan fewnforio cynharach yn ôl {key}: {summary}. Caiff asedau nad ydynt yn y ffeil mwyach eu rhestru a&apos;u cadw; ni ddilëwyd dim. Mae Golygu › Dadwneud yn tynnu&apos;r mewnforio allan eto.</translation>
    </message>
    <message>
        <source>Ready to import {file} again</source>
        <translation>Yn barod i fewnforio {file} eto</translation>
    </message>
    <message>
        <source>Matched to the assets an earlier import made by {key}: {summary}. Assets no longer in the file are listed and kept; nothing is deleted. Nothing has been written yet. Check the rows below, then press Import again; go Back to change the columns.</source>
        <translation>Wedi&apos;u paru â&apos;r asedau a wnaed gan fewnforio cynharach yn ôl {key}: {summary}. Caiff asedau nad ydynt yn y ffeil mwyach eu rhestru a&apos;u cadw; ni chaiff dim ei ddileu. Nid oes dim wedi&apos;i ysgrifennu eto. Gwiriwch y rhesi isod, yna pwyswch Mewnforio eto; ewch Yn ôl i newid y colofnau.</translation>
    </message>
    <message>
        <source>Your choices</source>
        <translation>Eich dewisiadau</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>Crynodeb o&apos;r adroddiad</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>Cadw&apos;r &amp;adroddiad…</translation>
    </message>
    <message>
        <source>Save the full report as CSV</source>
        <translation>Cadw&apos;r adroddiad llawn fel CSV</translation>
    </message>
    <message>
        <source>The report lists every row that was changed or left out.</source>
        <translation>Mae&apos;r adroddiad yn rhestru pob rhes a newidiwyd neu a adawyd allan.</translation>
    </message>
    <message>
        <source>Report details</source>
        <translation>Manylion yr adroddiad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>{outcome} rows</source>
        <translation>Rhesi: {outcome}</translation>
    </message>
    <message>
        <source>Why the import cannot go ahead</source>
        <translation>Pam na all y mewnforio fynd yn ei flaen</translation>
    </message>
    <message>
        <source>Go &amp;back to the columns</source>
        <translation>Mynd yn ôl at y &amp;colofnau</translation>
    </message>
    <message>
        <source>Nothing was written to the project.</source>
        <translation>Ni ysgrifennwyd dim i&apos;r prosiect.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>wedi&apos;u mewnforio</translation>
    </message>
    <message>
        <source>to import</source>
        <translation>i&apos;w mewnforio</translation>
    </message>
    <message>
        <source>repaired</source>
        <translation>wedi&apos;u trwsio</translation>
    </message>
    <message>
        <source>unplaced</source>
        <translation>heb eu lleoli</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>wedi&apos;u gwrthod</translation>
    </message>
    <message>
        <source>added</source>
        <translation>wedi&apos;u hychwanegu</translation>
    </message>
    <message>
        <source>to add</source>
        <translation>i&apos;w hychwanegu</translation>
    </message>
    <message>
        <source>… and {n} more: Save report… writes them all</source>
        <translation>… a {n} arall: mae Cadw&apos;r adroddiad… yn eu hysgrifennu i gyd</translation>
    </message>
    <message>
        <source>imported count</source>
        <translation>nifer wedi&apos;u mewnforio</translation>
    </message>
    <message>
        <source>repaired count</source>
        <translation>nifer wedi&apos;u trwsio</translation>
    </message>
    <message>
        <source>unplaced count</source>
        <translation>nifer heb eu lleoli</translation>
    </message>
    <message>
        <source>rejected count</source>
        <translation>nifer wedi&apos;u gwrthod</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Beth ddigwyddodd</translation>
    </message>
</context>
<context>
    <name>ImportOsm</name>
    <message>
        <source>OpenStreetMap extracts (*.osm.pbf *.pbf *.osm)</source>
        <translation>Detholiadau OpenStreetMap (*.osm.pbf *.pbf *.osm)</translation>
    </message>
    <message>
        <source>Tag mapping (*.csv)</source>
        <translation>Mapio tagiau (*.csv)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Import assets from OpenStreetMap</source>
        <translation>Mewnforio asedau o OpenStreetMap</translation>
    </message>
    <message>
        <source>an extract: .osm.pbf or .osm</source>
        <translation>detholiad: .osm.pbf neu .osm</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pori…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Gwirio</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>&amp;Extract:</source>
        <translation>&amp;Detholiad:</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Ychwanegu rhes</translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation>&amp;Tynnu rhes</translation>
    </message>
    <message>
        <source>Default &amp;mapping</source>
        <translation>Mapio di&amp;ofyn</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Llwytho…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Cadw…</translation>
    </message>
    <message>
        <source>Features within the project&apos;s areas that carry a tag below become assets in its category (the first matching row wins). Categories are matched to the project&apos;s by name, plural and other names; others become new categories. Importing the same features again (by OpenStreetMap id) updates them.</source>
        <translation>Mae nodweddion o fewn ardaloedd y prosiect sydd â thag isod yn dod yn asedau yn ei gategori (y rhes gyntaf sy&apos;n cyfateb sy&apos;n ennill). Caiff categorïau eu paru â rhai&apos;r prosiect yn ôl enw, lluosog ac enwau eraill; daw&apos;r lleill yn gategorïau newydd. Mae mewnforio&apos;r un nodweddion eto (yn ôl dynodwr OpenStreetMap) yn eu diweddaru.</translation>
    </message>
    <message>
        <source>OpenStreetMap extract</source>
        <translation>Detholiad OpenStreetMap</translation>
    </message>
    <message>
        <source>Tag mapping</source>
        <translation>Mapio tagiau</translation>
    </message>
    <message>
        <source>Reading the extract…</source>
        <translation>Yn darllen y detholiad…</translation>
    </message>
    <message>
        <source>Checked: press Import to add the assets (Edit ▸ Undo takes them out).</source>
        <translation>Wedi&apos;i wirio: pwyswch Mewnforio i ychwanegu&apos;r asedau (mae Golygu ▸ Dadwneud yn eu tynnu allan).</translation>
    </message>
    <message>
        <source>&amp;Import again</source>
        <translation>&amp;Mewnforio eto</translation>
    </message>
    <message>
        <source>Nothing can be imported: see above.</source>
        <translation>Nid oes modd mewnforio dim: gweler uchod.</translation>
    </message>
</context>
<context>
    <name>IndicatorMap</name>
    <message>
        <source>Colour areas by indicator</source>
        <translation>Lliwio ardaloedd yn ôl dangosydd</translation>
    </message>
    <message>
        <source>&amp;Areas:</source>
        <translation>&amp;Ardaloedd:</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Dangosydd:</translation>
    </message>
    <message>
        <source>&amp;Legend title:</source>
        <translation>&amp;Teitl yr allwedd:</translation>
    </message>
    <message>
        <source>&amp;Classes:</source>
        <translation>Do&amp;sbarthiadau:</translation>
    </message>
    <message>
        <source>&amp;Number of classes:</source>
        <translation>&amp;Nifer y dosbarthiadau:</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>&amp;Lliwiau:</translation>
    </message>
    <message>
        <source>&amp;Reverse the colours (high values light)</source>
        <translation>&amp;Gwrthdroi&apos;r lliwiau (gwerthoedd uchel yn olau)</translation>
    </message>
    <message>
        <source>This project has no indicators joined to its areas yet: File ▸ Import ▸ Indicators joins population or deprivation figures.</source>
        <translation>Nid oes gan y prosiect hwn ddangosyddion wedi&apos;u cysylltu â&apos;i ardaloedd eto: mae Ffeil ▸ Mewnforio ▸ Dangosyddion yn cysylltu ffigurau poblogaeth neu amddifadedd.</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>Dangos ar y map</translation>
    </message>
    <message>
        <source>Legend title</source>
        <translation>Teitl yr allwedd</translation>
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
    <name>Legend</name>
    <message>
        <source>Basemap</source>
        <translation>Map sylfaen</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Ffyrdd</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Dŵr</translation>
    </message>
    <message>
        <source>Parks, woods and green space</source>
        <translation>Parciau, coedwigoedd a mannau gwyrdd</translation>
    </message>
    <message>
        <source>Map tiles: {name}{credit}</source>
        <translation>Teils map: {name}{credit}</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cwmpas</translation>
    </message>
    <message>
        <source>High need, little provision: look here first</source>
        <translation>Angen mawr, ychydig o ddarpariaeth: edrychwch yma yn gyntaf</translation>
    </message>
    <message>
        <source>More need</source>
        <translation>Mwy o angen</translation>
    </message>
    <message>
        <source>Less provision</source>
        <translation>Llai o ddarpariaeth</translation>
    </message>
    <message>
        <source>Neighbourhoods</source>
        <translation>Cymdogaethau</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Asedau</translation>
    </message>
    <message>
        <source>Workshop pins</source>
        <translation>Pinnau&apos;r gweithdy</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>Nothing is shown on the map.</source>
        <translation>Nid oes dim i&apos;w weld ar y map.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Allwedd</translation>
    </message>
    <message>
        <source>{up} upwards, {across} to the right; {key};</source>
        <translation>{up} tuag i fyny, {across} tua&apos;r dde; {key};</translation>
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
    <name>MergeCategory</name>
    <message>
        <source>Merge “{category}”</source>
        <translation>Cyfuno “{category}”</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Cyfuno â</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Beth fydd yn digwydd</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Cyfuno</translation>
    </message>
    <message>
        <source>Merge &amp;into:</source>
        <translation>Cyfuno â&apos;r ca&amp;tegori:</translation>
    </message>
    <message>
        <source>Move 1 asset from {source} to {target} and remove {source}?</source>
        <translation>Symud 1 ased o {source} i {target} a dileu {source}?</translation>
    </message>
    <message>
        <source>Move {n} assets from {source} to {target} and remove {source}?</source>
        <translation>Symud {n} ased o {source} i {target} a dileu {source}?</translation>
    </message>
    <message>
        <source>You can undo this.</source>
        <translation>Gallwch ddadwneud hyn.</translation>
    </message>
</context>
<context>
    <name>MergeConflicts</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Who is it for?</source>
        <translation>Ar gyfer pwy?</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Data personol</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Meysydd eraill</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygiad</translation>
    </message>
    <message>
        <source>Position on the map</source>
        <translation>Safle ar y map</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Wedi&apos;i ddileu</translation>
    </message>
    <message>
        <source>Category name</source>
        <translation>Enw&apos;r categori</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Amlinell</translation>
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
        <source>Asset</source>
        <translation>Ased</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Cynt</translation>
    </message>
    <message>
        <source>In this copy</source>
        <translation>Yn y copi hwn</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Dewis</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>wedi&apos;i ddileu</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>(not on the map)</source>
        <translation>(nid yw ar y map)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>easting {x}, northing {y}</source>
        <translation>dwyreiniad {x}, gogleddiad {y}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
    <message>
        <source>no</source>
        <translation>na</translation>
    </message>
    <message>
        <source>In {name}</source>
        <translation>Yn {name}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Cadw fy fersiwn i</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Cadw eu fersiwn nhw</translation>
    </message>
    <message>
        <source>Edited: {value}</source>
        <translation>Wedi&apos;i olygu: {value}</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Golygu…</translation>
    </message>
    <message>
        <source>Resolve conflicts with {name}</source>
        <translation>Datrys gwrthdrawiadau â {name}</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Cadw &amp;fy fersiwn i</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Cadw &amp;eu fersiwn nhw</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Golygu…</translation>
    </message>
    <message>
        <source>Keep all m&amp;ine</source>
        <translation>Cadw fy &amp;holl fersiynau i</translation>
    </message>
    <message>
        <source>Keep all t&amp;heirs</source>
        <translation>Cadw eu ho&amp;ll fersiynau nhw</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdrawiadau</translation>
    </message>
    <message>
        <source>Both this copy and {name} changed these fields, each in its own way, since the copies were made. Choose which to keep for each row (select several rows to choose for them at once); double-click a value to keep it, or a choice to change it.</source>
        <translation>Mae&apos;r copi hwn a {name} ill dau wedi newid y meysydd hyn, pob un yn ei ffordd ei hun, ers gwneud y copïau. Dewiswch pa un i&apos;w gadw ar gyfer pob rhes (dewiswch sawl rhes i ddewis ar eu cyfer ar unwaith); cliciwch ddwywaith ar werth i&apos;w gadw, neu ar ddewis i&apos;w newid.</translation>
    </message>
    <message>
        <source>Edit the merged value</source>
        <translation>Golygu&apos;r gwerth cyfunedig</translation>
    </message>
    <message>
        <source>{field} cannot be empty.</source>
        <translation>Ni all {field} fod yn wag.</translation>
    </message>
    <message>
        <source>{field} of “{asset}”:</source>
        <translation>{field} “{asset}”:</translation>
    </message>
    <message>
        <source>Type the value to keep, starting from this copy&apos;s</source>
        <translation>Teipiwch y gwerth i&apos;w gadw, gan ddechrau o werth y copi hwn</translation>
    </message>
    <message>
        <source>Only text can be edited; for this field keep one side or the other</source>
        <translation>Dim ond testun y gellir ei olygu; ar gyfer y maes hwn cadwch un ochr neu&apos;r llall</translation>
    </message>
    <message>
        <source>All {total} resolved</source>
        <translation>Pob un o&apos;r {total} wedi&apos;u datrys</translation>
    </message>
    <message>
        <source>{left} of {total} still to choose</source>
        <translation>{left} o {total} i&apos;w dewis o hyd</translation>
    </message>
</context>
<context>
    <name>MergeCopy</name>
    <message>
        <source>Merge a copy</source>
        <translation>Cyfuno copi</translation>
    </message>
    <message>
        <source>assetmap projects (*.gpkg);;All files (*)</source>
        <translation>Prosiectau assetmap (*.gpkg);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>{n} added</source>
        <translation>{n} wedi&apos;u hychwanegu</translation>
    </message>
    <message>
        <source>{n} updated</source>
        <translation>{n} wedi&apos;u diweddaru</translation>
    </message>
    <message>
        <source>{n} deleted</source>
        <translation>{n} wedi&apos;u dileu</translation>
    </message>
    <message>
        <source>{n} conflict resolved</source>
        <translation>{n} gwrthdrawiad wedi&apos;i ddatrys</translation>
    </message>
    <message>
        <source>{n} conflicts resolved</source>
        <translation>{n} gwrthdrawiad wedi&apos;u datrys</translation>
    </message>
    <message>
        <source>Merged {name}: {parts}</source>
        <translation>Cyfunwyd {name}: {parts}</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Ni newidiwyd dim</translation>
    </message>
    <message>
        <source>{said}. Nothing was changed.</source>
        <translation>{said}. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>new in {other}, to be added here</source>
        <translation>newydd yn {other}, i&apos;w hychwanegu yma</translation>
    </message>
    <message>
        <source>changed in {other}, to be updated here</source>
        <translation>wedi newid yn {other}, i&apos;w diweddaru yma</translation>
    </message>
    <message>
        <source>deleted in {other}, to be deleted here</source>
        <translation>wedi&apos;u dileu yn {other}, i&apos;w dileu yma</translation>
    </message>
    <message>
        <source>{n} photo</source>
        <translation>{n} llun</translation>
    </message>
    <message>
        <source>{n} photos</source>
        <translation>{n} llun</translation>
    </message>
    <message>
        <source>to be added ({removed} removed in {other})</source>
        <translation>i&apos;w hychwanegu ({removed} wedi&apos;u tynnu yn {other})</translation>
    </message>
    <message>
        <source>{n} category</source>
        <translation>{n} categori</translation>
    </message>
    <message>
        <source>{n} categories</source>
        <translation>{n} categori</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {removed} removed in {other}</source>
        <translation>{new} newydd, {changed} wedi newid, {removed} wedi&apos;u tynnu yn {other}</translation>
    </message>
    <message>
        <source>{n} set of areas</source>
        <translation>{n} set o ardaloedd</translation>
    </message>
    <message>
        <source>{n} sets of areas</source>
        <translation>{n} set o ardaloedd</translation>
    </message>
    <message>
        <source>and {indicators} to be added</source>
        <translation>a {indicators} i&apos;w hychwanegu</translation>
    </message>
    <message>
        <source>{n} indicator</source>
        <translation>{n} dangosydd</translation>
    </message>
    <message>
        <source>{n} indicators</source>
        <translation>{n} dangosydd</translation>
    </message>
    <message>
        <source>fields both copies changed differently: you choose which to keep</source>
        <translation>meysydd a newidiodd y ddau gopi yn wahanol: chi sy&apos;n dewis pa un i&apos;w gadw</translation>
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
        <source>{n} conflict</source>
        <translation>{n} gwrthdrawiad</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} gwrthdrawiad</translation>
    </message>
    <message>
        <source>Import the assets of {name}</source>
        <translation>Mewnforio asedau {name}</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>Cyfuno {name}</translation>
    </message>
    <message>
        <source>Working out what merging {name} would change…</source>
        <translation>Wrthi&apos;n cyfrifo beth fyddai cyfuno {name} yn ei newid…</translation>
    </message>
    <message>
        <source>In detail:</source>
        <translation>Yn fanwl:</translation>
    </message>
    <message>
        <source>What the merge would change, line by line</source>
        <translation>Beth fyddai&apos;r cyfuno yn ei newid, fesul llinell</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts…</source>
        <translation>&amp;Datrys gwrthdrawiadau…</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Cadw adroddiad…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Mewnforio</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>C&amp;yfuno</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Reading {name} and comparing it with this project…</source>
        <translation>Wrthi&apos;n darllen {name} a&apos;i gymharu â&apos;r prosiect hwn…</translation>
    </message>
    <message>
        <source>{name} cannot be merged</source>
        <translation>Ni ellir cyfuno {name}</translation>
    </message>
    <message>
        <source>Could not read the copy</source>
        <translation>Methu darllen y copi</translation>
    </message>
    <message>
        <source>The copy could not be read. Nothing was changed.</source>
        <translation>Methwyd darllen y copi. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Already up to date: nothing to bring in from {name}</source>
        <translation>Eisoes yn gyfredol: dim byd i&apos;w ddod i mewn o {name}</translation>
    </message>
    <message>
        <source>This project already has every change made in that copy.</source>
        <translation>Mae gan y prosiect hwn bob newid a wnaed yn y copi hwnnw eisoes.</translation>
    </message>
    <message>
        <source>a copy of this project</source>
        <translation>copi o&apos;r prosiect hwn</translation>
    </message>
    <message>
        <source>Importing the assets of {name} (another project) would bring in:</source>
        <translation>Byddai mewnforio asedau {name} (prosiect arall) yn dod â&apos;r canlynol i mewn:</translation>
    </message>
    <message>
        <source>Merging {name} ({label}) would bring in:</source>
        <translation>Byddai cyfuno {name} ({label}) yn dod â&apos;r canlynol i mewn:</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts… ({left} to resolve)</source>
        <translation>&amp;Datrys gwrthdrawiadau… ({left} i&apos;w datrys)</translation>
    </message>
    <message>
        <source>Resolve every conflict first</source>
        <translation>Datryswch bob gwrthdrawiad yn gyntaf</translation>
    </message>
    <message>
        <source>{conflicts} still to resolve before merging: both copies changed the same field differently, and nothing is decided for you: choose with Resolve conflicts…</source>
        <translation>{conflicts} i&apos;w datrys o hyd cyn cyfuno: newidiodd y ddau gopi yr un maes yn wahanol, ac ni phenderfynir dim ar eich rhan: dewiswch drwy Datrys gwrthdrawiadau…</translation>
    </message>
    <message>
        <source>Import as shown; Edit ▸ Undo takes it all back</source>
        <translation>Mewnforio fel y dangosir; mae Golygu ▸ Dadwneud yn dadwneud y cyfan</translation>
    </message>
    <message>
        <source>Ready to import. It is one step: Edit ▸ Undo takes all of it back.</source>
        <translation>Yn barod i fewnforio. Un cam ydyw: mae Golygu ▸ Dadwneud yn dadwneud y cyfan.</translation>
    </message>
    <message>
        <source>Merge as shown; Edit ▸ Undo takes it all back</source>
        <translation>Cyfuno fel y dangosir; mae Golygu ▸ Dadwneud yn dadwneud y cyfan</translation>
    </message>
    <message>
        <source>Ready to merge. It is one step: Edit ▸ Undo takes all of it back.</source>
        <translation>Yn barod i gyfuno. Un cam ydyw: mae Golygu ▸ Dadwneud yn dadwneud y cyfan.</translation>
    </message>
    <message>
        <source>Save the merge report</source>
        <translation>Cadw adroddiad y cyfuno</translation>
    </message>
    <message>
        <source>merge {name}.csv</source>
        <translation>cyfuno {name}.csv</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>Cadwyd yr adroddiad yn {path}.</translation>
    </message>
    <message>
        <source>Merging {name}…</source>
        <translation>Wrthi&apos;n cyfuno {name}…</translation>
    </message>
    <message>
        <source>Could not merge the copy</source>
        <translation>Methu cyfuno&apos;r copi</translation>
    </message>
    <message>
        <source>The merge could not be written. Nothing was changed.</source>
        <translation>Methwyd ysgrifennu&apos;r cyfuno. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The project has changed</source>
        <translation>Mae&apos;r prosiect wedi newid</translation>
    </message>
    <message>
        <source>{error}

Work out the merge again from the project as it is now? Your choices for conflicts will have to be made again.</source>
        <translation>{error}

Cyfrifo&apos;r cyfuno eto o&apos;r prosiect fel y mae nawr? Bydd angen gwneud eich dewisiadau ar gyfer gwrthdrawiadau eto.</translation>
    </message>
    <message>
        <source>Not a copy of this project</source>
        <translation>Nid yw&apos;n gopi o&apos;r prosiect hwn</translation>
    </message>
    <message>
        <source>{error}

{name} was not merged and this project was not changed.</source>
        <translation>{error}

Ni chyfunwyd {name} ac ni newidiwyd y prosiect hwn.</translation>
    </message>
    <message>
        <source>{name} is another project, not a copy of this one, so it cannot be merged field by field.

Its assets can be imported as new ones instead: categories are matched by name, assets already here are not brought in twice, and the likely duplicates between its assets and yours are listed for you to review.</source>
        <translation>Mae {name} yn brosiect arall, nid yn gopi o&apos;r un hwn, felly ni ellir ei gyfuno fesul maes.

Gellir mewnforio ei asedau fel rhai newydd yn lle hynny: caiff categorïau eu paru yn ôl enw, ni ddaw asedau sydd yma eisoes i mewn ddwywaith, a rhestrir y dyblygion tebygol rhwng ei asedau ef a&apos;ch rhai chi i chi eu hadolygu.</translation>
    </message>
    <message>
        <source>Import its assets…</source>
        <translation>Mewnforio ei asedau…</translation>
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
    <name>NewPlaceProject</name>
    <message>
        <source>New project for a place</source>
        <translation>Prosiect newydd ar gyfer lle</translation>
    </message>
    <message>
        <source>Choose a local authority of England or Wales. Its neighbourhoods (LSOA 2011), their population and deprivation (IMD 2019, England only) and its postcodes come from the starter pack shipped with assetmap: no network and no file to find.</source>
        <translation>Dewiswch awdurdod lleol yng Nghymru neu Loegr. Daw ei gymdogaethau (ACEHI 2011), eu poblogaeth a&apos;u hamddifadedd (IMD 2019, Lloegr yn unig) a&apos;i godau post o&apos;r pecyn cychwyn sy&apos;n dod gydag assetmap: dim rhwydwaith a dim ffeil i chwilio amdani.</translation>
    </message>
    <message>
        <source>Type a name or code, e.g. Leicester or E06000016</source>
        <translation>Teipiwch enw neu god, e.e. Caerlŷr neu E06000016</translation>
    </message>
    <message>
        <source>Search places</source>
        <translation>Chwilio am leoedd</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lleoedd</translation>
    </message>
    <message>
        <source>About the chosen place</source>
        <translation>Ynghylch y lle a ddewiswyd</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>Ffeil y prosiect</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Choose where to save the project file</source>
        <translation>Dewis ble i gadw ffeil y prosiect</translation>
    </message>
    <message>
        <source>Create project</source>
        <translation>Creu prosiect</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopio</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Cadw fel</translation>
    </message>
    <message>
        <source>{name}  ({code}, {country}, {n} neighbourhoods)</source>
        <translation>{name}  ({code}, {country}, {n} cymdogaeth)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>No place matches “{text}”. Closest: {closest}.</source>
        <translation>Does dim lle yn cyfateb i “{text}”. Yr agosaf: {closest}.</translation>
    </message>
    <message>
        <source>{name}: {n} neighbourhoods with population (mid-2015) and IMD 2019 rank, decile and need, and the postcodes within 5 km.</source>
        <translation>{name}: {n} cymdogaeth gyda&apos;u poblogaeth (canol 2015) a safle, degradd ac angen IMD 2019, a&apos;r codau post o fewn 5 km.</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>Cadw&apos;r prosiect newydd fel</translation>
    </message>
    <message>
        <source>assetmap project (*.gpkg)</source>
        <translation>Prosiect assetmap (*.gpkg)</translation>
    </message>
    <message>
        <source>Stopped; no project was made.</source>
        <translation>Wedi stopio; ni wnaed prosiect.</translation>
    </message>
    <message>
        <source>Making a project for {name}…</source>
        <translation>Wrthi&apos;n gwneud prosiect ar gyfer {name}…</translation>
    </message>
    <message>
        <source>Could not make the project: {error}</source>
        <translation>Methu gwneud y prosiect: {error}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Aeth rhywbeth o&apos;i le: {error}</translation>
    </message>
</context>
<context>
    <name>NewProject</name>
    <message>
        <source>New project</source>
        <translation>Prosiect newydd</translation>
    </message>
    <message>
        <source>Name your project</source>
        <translation>Enwch eich prosiect</translation>
    </message>
    <message>
        <source>A project is one file holding your map, your assets and your analysis.</source>
        <translation>Un ffeil yw prosiect sy&apos;n dal eich map, eich asedau a&apos;ch dadansoddiad.</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Enw&apos;r prosiect</translation>
    </message>
    <message>
        <source>e.g. Old Trafford assets</source>
        <translation>e.e. Asedau Old Trafford</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>Ffeil y prosiect</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Choose where to save the project file</source>
        <translation>Dewis ble i gadw ffeil y prosiect</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Cadw fel</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Cadw&apos;r prosiect fel</translation>
    </message>
    <message>
        <source>assetmap project (*.gpkg)</source>
        <translation>Prosiect assetmap (*.gpkg)</translation>
    </message>
    <message>
        <source>Your neighbourhoods (optional)</source>
        <translation>Eich cymdogaethau (dewisol)</translation>
    </message>
    <message>
        <source>Boundaries to map assets onto, e.g. LSOAs or wards: GeoJSON, GeoPackage or a zipped Shapefile. You can add more later with Import › Neighbourhoods.</source>
        <translation>Ffiniau i fapio asedau arnynt, e.e. ACEHI neu wardiau: GeoJSON, GeoPackage neu Shapefile wedi&apos;i sipio. Gallwch ychwanegu rhagor yn nes ymlaen drwy Mewnforio › Cymdogaethau.</translation>
    </message>
    <message>
        <source>Boundary file</source>
        <translation>Ffeil ffiniau</translation>
    </message>
    <message>
        <source>Choose a boundary file</source>
        <translation>Dewis ffeil ffiniau</translation>
    </message>
    <message>
        <source>Neighbourhoods</source>
        <translation>Cymdogaethau</translation>
    </message>
    <message>
        <source>Name for these areas</source>
        <translation>Enw ar gyfer yr ardaloedd hyn</translation>
    </message>
    <message>
        <source>{crs} (the default)</source>
        <translation>{crs} (y rhagosodiad)</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>System gyfesurynnau</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Newid…</translation>
    </message>
    <message>
        <source>Change the coordinate system</source>
        <translation>Newid y system gyfesurynnau</translation>
    </message>
    <message>
        <source>Call them</source>
        <translation>Enw&apos;r ardaloedd</translation>
    </message>
    <message>
        <source>Choose boundaries</source>
        <translation>Dewis ffiniau</translation>
    </message>
    <message>
        <source>Boundaries (*.geojson *.json *.gpkg *.shp *.zip *.geojson.gz);;All files (*)</source>
        <translation>Ffiniau (*.geojson *.json *.gpkg *.shp *.zip *.geojson.gz);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Could not read the file: {error}</source>
        <translation>Methu darllen y ffeil: {error}</translation>
    </message>
    <message>
        <source>EPSG code of a metric coordinate system:</source>
        <translation>Cod EPSG system gyfesurynnau fetrig:</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a coordinate system I know</source>
        <translation>Nid yw &apos;{text}&apos; yn system gyfesurynnau rwy&apos;n ei hadnabod</translation>
    </message>
    <message>
        <source>{crs} (chosen by you)</source>
        <translation>{crs} (dewiswyd gennych chi)</translation>
    </message>
</context>
<context>
    <name>OfflineTiles</name>
    <message>
        <source>Make this area available offline</source>
        <translation>Sicrhau bod yr ardal hon ar gael all-lein</translation>
    </message>
    <message>
        <source>The project&apos;s &amp;area (its neighbourhoods and assets)</source>
        <translation>&amp;Ardal y prosiect (ei gymdogaethau a&apos;i asedau)</translation>
    </message>
    <message>
        <source>What the map &amp;shows now</source>
        <translation>Yr hyn y mae&apos;r map yn ei &amp;ddangos nawr</translation>
    </message>
    <message>
        <source>Lowest zoom</source>
        <translation>Chwyddo isaf</translation>
    </message>
    <message>
        <source>Highest zoom</source>
        <translation>Chwyddo uchaf</translation>
    </message>
    <message>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Tiles and size</source>
        <translation>Teils a maint</translation>
    </message>
    <message>
        <source>Tiles from:</source>
        <translation>Teils o:</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>dim wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Ardal:</translation>
    </message>
    <message>
        <source>&amp;Zoom levels:</source>
        <translation>Lefelau &amp;chwyddo:</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>I&apos;w lawrlwytho:</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Lawrlwytho</translation>
    </message>
    <message>
        <source>Choose a tile source first (Basemap ▸ Tile source…).</source>
        <translation>Dewiswch ffynhonnell teils yn gyntaf (Map sylfaen ▸ Ffynhonnell y teils…).</translation>
    </message>
    <message>
        <source> Instead, {hint}.</source>
        <translation> Yn lle hynny, {hint}.</translation>
    </message>
    <message>
        <source>{tiles} tiles, about {size} MB</source>
        <translation>{tiles} teil, tua {size} MB</translation>
    </message>
    <message>
        <source>That is more than the {tiles} tiles assetmap downloads at once: choose a smaller zoom range.</source>
        <translation>Mae hynny&apos;n fwy na&apos;r {tiles} teil y mae assetmap yn eu lawrlwytho ar y tro: dewiswch ystod chwyddo lai.</translation>
    </message>
    <message>
        <source>The tiles are saved beside the project file and used whenever the network is not there. Tiles already saved are not fetched again.</source>
        <translation>Caiff y teils eu cadw wrth ymyl ffeil y prosiect a&apos;u defnyddio pryd bynnag nad yw&apos;r rhwydwaith ar gael. Ni chaiff teils sydd eisoes wedi&apos;u cadw eu nôl eto.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wrthi&apos;n dechrau…</translation>
    </message>
    <message>
        <source>The network went away after {tiles} tiles ({size} MB): they are saved. Try again later to fetch the rest.</source>
        <translation>Diflannodd y rhwydwaith ar ôl {tiles} teil ({size} MB): maen nhw wedi&apos;u cadw. Rhowch gynnig arall arni yn nes ymlaen i nôl y gweddill.</translation>
    </message>
    <message>
        <source>Done: {tiles} tiles downloaded ({size} MB), {cached} were already saved. This area is now available offline.</source>
        <translation>Wedi gorffen: lawrlwythwyd {tiles} teil ({size} MB), roedd {cached} wedi&apos;u cadw eisoes. Mae&apos;r ardal hon ar gael all-lein nawr.</translation>
    </message>
    <message>
        <source>The download stopped: {error}. The tiles fetched are kept.</source>
        <translation>Stopiodd y lawrlwytho: {error}. Cedwir y teils a nôlwyd.</translation>
    </message>
    <message>
        <source>Cancelled. The tiles downloaded so far are kept.</source>
        <translation>Wedi canslo. Cedwir y teils a lawrlwythwyd hyd yma.</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <source>No runs yet: Evaluate to see progress</source>
        <translation>Dim rhediadau eto: Gwerthuswch i weld y cynnydd</translation>
    </message>
    <message>
        <source>Areas meeting it</source>
        <translation>Ardaloedd sy&apos;n ei gyrraedd</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Pobl</translation>
    </message>
    <message>
        <source>Progress across runs</source>
        <translation>Cynnydd ar draws rhediadau</translation>
    </message>
    <message>
        <source>{when}: {meeting} of {areas} areas</source>
        <translation>{when}: {meeting} o {areas} ardal</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Add an outcome</source>
        <translation>Ychwanegu canlyniad</translation>
    </message>
    <message>
        <source>Edit the outcome</source>
        <translation>Golygu&apos;r canlyniad</translation>
    </message>
    <message>
        <source>&amp;Outcome agreed:</source>
        <translation>&amp;Canlyniad y cytunwyd arno:</translation>
    </message>
    <message>
        <source>e.g. Every neighbourhood within 800 m of a food bank or pantry</source>
        <translation>e.e. Pob cymdogaeth o fewn 800 m i fanc bwyd neu bantri</translation>
    </message>
    <message>
        <source>&amp;Category or group:</source>
        <translation>Categori neu &amp;grŵp:</translation>
    </message>
    <message>
        <source>&amp;Areas:</source>
        <translation>&amp;Ardaloedd:</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>&amp;O fewn:</translation>
    </message>
    <message>
        <source>Coverage &amp;at least:</source>
        <translation>C&amp;wmpas o leiaf:</translation>
    </message>
    <message>
        <source>The share of an area&apos;s surface that must be within the distance</source>
        <translation>Y gyfran o arwynebedd ardal y mae&apos;n rhaid iddi fod o fewn y pellter</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>A&amp;r gyfer:</translation>
    </message>
    <message>
        <source>Needs a need indicator (e.g. IMD score) on the areas</source>
        <translation>Mae angen dangosydd angen (e.e. sgôr IMD) ar yr ardaloedd</translation>
    </message>
    <message>
        <source>Target date:</source>
        <translation>Dyddiad targed:</translation>
    </message>
    <message>
        <source>By a date</source>
        <translation>Erbyn dyddiad</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grŵp</translation>
    </message>
    <message>
        <source>Every area</source>
        <translation>Pob ardal</translation>
    </message>
    <message>
        <source>The fifth of areas most in need</source>
        <translation>Y bumed ran o ardaloedd sydd â&apos;r angen mwyaf</translation>
    </message>
    <message>
        <source>The fifth of areas second most in need</source>
        <translation>Y bumed ran o ardaloedd sydd â&apos;r ail angen mwyaf</translation>
    </message>
    <message>
        <source>The fifth of areas middle in need</source>
        <translation>Y bumed ran ganol o ardaloedd yn ôl angen</translation>
    </message>
    <message>
        <source>The fifth of areas second least in need</source>
        <translation>Y bumed ran o ardaloedd sydd â&apos;r ail angen lleiaf</translation>
    </message>
    <message>
        <source>The fifth of areas least in need</source>
        <translation>Y bumed ran o ardaloedd sydd â&apos;r angen lleiaf</translation>
    </message>
    <message>
        <source>The most deprived areas home to a share of the people</source>
        <translation>Yr ardaloedd mwyaf difreintiedig lle mae cyfran o&apos;r bobl yn byw</translation>
    </message>
    <message>
        <source>The most deprived areas (by the need indicator) that together are home to this share of the people</source>
        <translation>Yr ardaloedd mwyaf difreintiedig (yn ôl y dangosydd angen) lle mae&apos;r gyfran hon o&apos;r bobl yn byw rhyngddynt</translation>
    </message>
    <message>
        <source>Share of the &amp;people:</source>
        <translation>Cyfran y &amp;bobl:</translation>
    </message>
    <message>
        <source>A share of the people needs a population field and a need indicator (e.g. IMD score) on the areas</source>
        <translation>Mae cyfran o&apos;r bobl angen maes poblogaeth a dangosydd angen (e.e. sgôr IMD) ar yr ardaloedd</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Ar gyfer</translation>
    </message>
    <message>
        <source>Areas meeting it</source>
        <translation>Ardaloedd sy&apos;n ei gyrraedd</translation>
    </message>
    <message>
        <source>People meeting it</source>
        <translation>Pobl sy&apos;n ei gyrraedd</translation>
    </message>
    <message>
        <source>Since last run</source>
        <translation>Ers y rhediad diwethaf</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Dyddiad targed</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ardal</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cwmpas</translation>
    </message>
    <message>
        <source>Nearest (m)</source>
        <translation>Agosaf (m)</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Canlyniadau</translation>
    </message>
    <message>
        <source>Outcomes your partnership agreed, checked against the gap analysis.</source>
        <translation>Y canlyniadau y cytunodd eich partneriaeth arnynt, wedi&apos;u gwirio yn erbyn y dadansoddiad bylchau.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ychwanegu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Golygu…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Tynnu</translation>
    </message>
    <message>
        <source>E&amp;valuate now</source>
        <translation>&amp;Gwerthuso nawr</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Areas failing it, most need first</source>
        <translation>Ardaloedd nad ydynt yn ei gyrraedd, yr angen mwyaf yn gyntaf</translation>
    </message>
    <message>
        <source>not evaluated yet</source>
        <translation>heb ei werthuso eto</translation>
    </message>
    <message>
        <source>could not be evaluated: {}</source>
        <translation>nid oedd modd ei werthuso: {}</translation>
    </message>
    <message>
        <source>Outcomes could not be evaluated</source>
        <translation>Nid oedd modd gwerthuso&apos;r canlyniadau</translation>
    </message>
    <message>
        <source>Evaluating the outcomes…</source>
        <translation>Yn gwerthuso&apos;r canlyniadau…</translation>
    </message>
    <message>
        <source>Stopped; the outcomes evaluated before Cancel are kept.</source>
        <translation>Wedi stopio; cedwir y canlyniadau a werthuswyd cyn Canslo.</translation>
    </message>
    <message>
        <source>No outcomes yet: Add one, e.g. “Every neighbourhood within 800 m of a food bank”.</source>
        <translation>Dim canlyniadau eto: Ychwanegwch un, e.e. “Pob cymdogaeth o fewn 800 m i fanc bwyd”.</translation>
    </message>
    <message>
        <source>the most deprived areas home to {share} of the people</source>
        <translation>yr ardaloedd mwyaf difreintiedig lle mae {share} o&apos;r bobl yn byw</translation>
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
    <name>Publish</name>
    <message>
        <source>postgresql://user@host:5432/database  or  service=NAME</source>
        <translation>postgresql://defnyddiwr@gwesteiwr:5432/cronfaddata  neu  service=ENW</translation>
    </message>
    <message>
        <source>Publish to a database</source>
        <translation>Cyhoeddi i gronfa ddata</translation>
    </message>
    <message>
        <source>Put this project on a PostgreSQL database with PostGIS as the team&apos;s shared map. Everyone then syncs their own copy with it, and QGIS opens its layers directly. The project file stays this laptop&apos;s offline copy.</source>
        <translation>Rhowch y prosiect hwn ar gronfa ddata PostgreSQL gyda PostGIS fel map a rennir y tîm. Yna bydd pawb yn cysoni eu copi eu hunain ag ef, a bydd QGIS yn agor ei haenau&apos;n uniongyrchol. Mae ffeil y prosiect yn parhau&apos;n gopi all-lein y gliniadur hwn.</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Cyfeiriad y gronfa ddata</translation>
    </message>
    <message>
        <source>leave empty to use the keyring, PGPASSWORD or ~/.pgpass</source>
        <translation>gadewch yn wag i ddefnyddio&apos;r cylch allweddi, PGPASSWORD neu ~/.pgpass</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Keep the password in this computer&apos;s keyring</source>
        <translation>Cadw&apos;r cyfrinair yng nghylch allweddi&apos;r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Never in the project file; only this user&apos;s keyring</source>
        <translation>Byth yn ffeil y prosiect; dim ond yng nghylch allweddi&apos;r defnyddiwr hwn</translation>
    </message>
    <message>
        <source>PostgreSQL schema</source>
        <translation>Sgema PostgreSQL</translation>
    </message>
    <message>
        <source>Include assets holding personal data ({n})</source>
        <translation>Cynnwys asedau sy&apos;n dal data personol ({n})</translation>
    </message>
    <message>
        <source>Left unticked, they stay on this laptop only</source>
        <translation>Os na chaiff ei dicio, maen nhw&apos;n aros ar y gliniadur hwn yn unig</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Cronfa ddata:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Cyfrinair:</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>Sgema:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Cyhoeddi</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Wrthi&apos;n cyhoeddi…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was published and the server was left as it was.</source>
        <translation>Wedi canslo: ni chyhoeddwyd dim a gadawyd y gweinydd fel yr oedd.</translation>
    </message>
    <message>
        <source>File ▸ Share ▸ Sync</source>
        <translation>Ffeil ▸ Rhannu ▸ Cysoni</translation>
    </message>
    <message>
        <source>The password could not be kept in the keyring ({error}).</source>
        <translation>Methwyd cadw&apos;r cyfrinair yn y cylch allweddi ({error}).</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring.</source>
        <translation>Mae&apos;r cyfrinair yn cael ei gadw yng nghylch allweddi&apos;r cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Publishing failed; nothing was changed on the server.</source>
        <translation>Methodd y cyhoeddi; ni newidiwyd dim ar y gweinydd.</translation>
    </message>
    <message>
        <source>Could not publish</source>
        <translation>Methu cyhoeddi</translation>
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
        <source>A gap with the proposals, not today</source>
        <translation>Bwlch gyda&apos;r cynigion, nid heddiw</translation>
    </message>
    <message>
        <source>No longer a gap with the proposals</source>
        <translation>Dim bwlch mwyach gyda&apos;r cynigion</translation>
    </message>
    <message>
        <source>{rank} (new)</source>
        <translation>{rank} (newydd)</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi&apos;i gau</translation>
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
        <source> (run {run}, {date})</source>
        <translation> (rhediad {run}, {date})</translation>
    </message>
    <message>
        <source> by {name}</source>
        <translation> gan {name}</translation>
    </message>
    <message>
        <source>Made with assetmap {version} on {date}{by}.</source>
        <translation>Gwnaed gydag assetmap {version} ar {date}{by}.</translation>
    </message>
    <message>
        <source>Includes 1 asset holding personal data, by the choice of whoever made this export: share it with care.</source>
        <translation>Yn cynnwys 1 ased sy&apos;n dal data personol, drwy ddewis pwy bynnag a wnaeth yr allforio hwn: rhannwch ef yn ofalus.</translation>
    </message>
    <message>
        <source>Includes {n:,} assets holding personal data, by the choice of whoever made this export: share it with care.</source>
        <translation>Yn cynnwys {n:,} ased sy&apos;n dal data personol, drwy ddewis pwy bynnag a wnaeth yr allforio hwn: rhannwch ef yn ofalus.</translation>
    </message>
    <message>
        <source>How the figures were made:</source>
        <translation>Sut y lluniwyd y ffigurau:</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Ffynonellau:</translation>
    </message>
    <message>
        <source>{made} Coordinates: {crs}.</source>
        <translation>{made} Cyfesurynnau: {crs}.</translation>
    </message>
    <message>
        <source>Nothing is shown on the map.</source>
        <translation>Nid oes dim i&apos;w weld ar y map.</translation>
    </message>
    <message>
        <source> on {page}</source>
        <translation> ar {page}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>The analysis has no areas.</source>
        <translation>Nid oes ardaloedd yn y dadansoddiad.</translation>
    </message>
    <message>
        <source>{gaps:,} of the {areas:,} areas ({share:.0f} %) have a gap in {category}: {gap}.</source>
        <translation>Mae gan {gaps:,} o&apos;r {areas:,} ardal ({share:.0f} %) fwlch o ran {category}: {gap}.</translation>
    </message>
    <message>
        <source> {people:,.0f} people ({share:.0f} % of the population) live in them.</source>
        <translation> Mae {people:,.0f} o bobl ({share:.0f} % o&apos;r boblogaeth) yn byw ynddynt.</translation>
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
        <source>high need and little provision first, then the other gaps by provision</source>
        <translation>angen uchel ac ychydig o ddarpariaeth yn gyntaf, yna&apos;r bylchau eraill yn ôl darpariaeth</translation>
    </message>
    <message>
        <source>the least provision first, then the farthest from an asset</source>
        <translation>y ddarpariaeth leiaf yn gyntaf, yna&apos;r pellaf o ased</translation>
    </message>
    <message>
        <source>The gaps to look at first</source>
        <translation>Y bylchau i edrych arnynt yn gyntaf</translation>
    </message>
    <message>
        <source>For each category, the {top} areas with a gap to look at first: {order}. Coverage is the share of an area within {distance:,.0f} m of an asset in a straight line.</source>
        <translation>Ar gyfer pob categori, y {top} ardal â bwlch i edrych arnynt yn gyntaf: {order}. Cwmpas yw&apos;r gyfran o ardal sydd o fewn {distance:,.0f} m i ased mewn llinell syth.</translation>
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
    <message>
        <source>the fifth of areas most in need</source>
        <translation>y bumed ran o ardaloedd sydd â&apos;r angen mwyaf</translation>
    </message>
    <message>
        <source>the fifth of areas second most in need</source>
        <translation>y bumed ran o ardaloedd sydd â&apos;r ail angen mwyaf</translation>
    </message>
    <message>
        <source>the fifth of areas middle in need</source>
        <translation>y bumed ran ganol o ardaloedd yn ôl angen</translation>
    </message>
    <message>
        <source>the fifth of areas second least in need</source>
        <translation>y bumed ran o ardaloedd sydd â&apos;r ail angen lleiaf</translation>
    </message>
    <message>
        <source>the fifth of areas least in need</source>
        <translation>y bumed ran o ardaloedd sydd â&apos;r angen lleiaf</translation>
    </message>
    <message>
        <source>the most deprived areas home to {share} of the people</source>
        <translation>yr ardaloedd mwyaf difreintiedig lle mae {share} o&apos;r bobl yn byw</translation>
    </message>
    <message>
        <source>{meeting:,.0f} of {total:,.0f}</source>
        <translation>{meeting:,.0f} o {total:,.0f}</translation>
    </message>
    <message>
        <source>{meeting:,} of {total:,}</source>
        <translation>{meeting:,} o {total:,}</translation>
    </message>
    <message>
        <source>Proposed assets, not in the asset list: the same question asked of today&apos;s data with and without them ({areas}, within {distance} m).</source>
        <translation>Asedau arfaethedig, nad ydynt yn y rhestr asedau: yr un cwestiwn wedi&apos;i ofyn o ddata heddiw gyda nhw a hebddynt ({areas}, o fewn {distance} m).</translation>
    </message>
    <message>
        <source>Proposed asset</source>
        <translation>Ased arfaethedig</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>In area</source>
        <translation>Yn yr ardal</translation>
    </message>
    <message>
        <source>Easting, northing</source>
        <translation>Dwyreiniad, gogleddiad</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>With the proposals</source>
        <translation>Gyda&apos;r cynigion</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>gap areas</source>
        <translation>ardaloedd â bwlch</translation>
    </message>
    <message>
        <source>people in gaps</source>
        <translation>pobl mewn bylchau</translation>
    </message>
    <message>
        <source>mean coverage</source>
        <translation>cwmpas cymedrig</translation>
    </message>
    <message>
        <source>areas meeting</source>
        <translation>ardaloedd sy&apos;n bodloni</translation>
    </message>
    <message>
        <source>people meeting</source>
        <translation>pobl sy&apos;n bodloni</translation>
    </message>
    <message>
        <source>What if: {name}</source>
        <translation>Beth os: {name}</translation>
    </message>
    <message>
        <source>Contains public sector information licensed under the Open Government Licence v3.0.</source>
        <translation>Yn cynnwys gwybodaeth y sector cyhoeddus a drwyddedir o dan y Drwydded Llywodraeth Agored v3.0.</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors, available under the Open Database Licence (ODbL).</source>
        <translation>© Cyfranwyr OpenStreetMap, ar gael o dan y Drwydded Cronfa Ddata Agored (ODbL).</translation>
    </message>
    <message>
        <source>Contains OS data © Crown copyright and database right {year}.</source>
        <translation>Yn cynnwys data&apos;r Arolwg Ordnans © Hawlfraint y Goron a hawliau cronfa ddata {year}.</translation>
    </message>
    <message>
        <source>Source: Office for National Statistics licensed under the Open Government Licence v3.0.</source>
        <translation>Ffynhonnell: Swyddfa Ystadegau Gwladol wedi&apos;i thrwyddedu o dan y Drwydded Llywodraeth Agored v3.0.</translation>
    </message>
    <message>
        <source>Scale 1:{ratio:,}{note}</source>
        <translation>Graddfa 1:{ratio:,}{note}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (parhad)</translation>
    </message>
    <message>
        <source>Map: {title}. {summary}</source>
        <translation>Map: {title}. {summary}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Ardaloedd</translation>
    </message>
    <message>
        <source>Areas with a gap</source>
        <translation>Ardaloedd â bwlch</translation>
    </message>
    <message>
        <source>Share of areas (%)</source>
        <translation>Cyfran o&apos;r ardaloedd (%)</translation>
    </message>
    <message>
        <source>People in areas with a gap</source>
        <translation>Pobl mewn ardaloedd â bwlch</translation>
    </message>
    <message>
        <source>Share of people (%)</source>
        <translation>Cyfran o&apos;r bobl (%)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ardal</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Need and provision</source>
        <translation>Angen a darpariaeth</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Poblogaeth</translation>
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
        <source>Nearest asset (m)</source>
        <translation>Ased agosaf (m)</translation>
    </message>
    <message>
        <source>Area within {distance} m of an asset (%)</source>
        <translation>Arwynebedd o fewn {distance} m i ased (%)</translation>
    </message>
    <message>
        <source>Assets per 1,000 people</source>
        <translation>Asedau fesul 1,000 o bobl</translation>
    </message>
    <message>
        <source>Need ({indicator})</source>
        <translation>Angen ({indicator})</translation>
    </message>
    <message>
        <source>{need} need, {provision} provision</source>
        <translation>Angen {need}, darpariaeth {provision}</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>isel</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>canolig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>uchel</translation>
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
</context>
<context>
    <name>Review</name>
    <message>
        <source>Could not change the review</source>
        <translation>Methu newid yr adolygiad</translation>
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
    <name>Symbols</name>
    <message>
        <source>Circle</source>
        <translation>Cylch</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Sgwâr</translation>
    </message>
    <message>
        <source>Triangle</source>
        <translation>Triongl</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>Diemwnt</translation>
    </message>
    <message>
        <source>Pentagon</source>
        <translation>Pentagon</translation>
    </message>
    <message>
        <source>Hexagon</source>
        <translation>Hecsagon</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Seren</translation>
    </message>
    <message>
        <source>Triangle (pointing down)</source>
        <translation>Triongl (yn pwyntio i lawr)</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>Croes</translation>
    </message>
    <message>
        <source>Plus</source>
        <translation>Plws</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
</context>
<context>
    <name>Thematic</name>
    <message>
        <source>{scheme}, by area of “{areas}”</source>
        <translation>{scheme}, fesul ardal o “{areas}”</translation>
    </message>
    <message>
        <source>Within {distance} m of {category} or a proposed one</source>
        <translation>O fewn {distance} m i {category} neu un arfaethedig</translation>
    </message>
    <message>
        <source>Within {distance} m of {category}</source>
        <translation>O fewn {distance} m i {category}</translation>
    </message>
    <message>
        <source>assets per 1,000 people</source>
        <translation>asedau fesul 1,000 o bobl</translation>
    </message>
    <message>
        <source>area within {distance} of an asset</source>
        <translation>arwynebedd o fewn {distance} i ased</translation>
    </message>
    <message>
        <source>class {n}</source>
        <translation>dosbarth {n}</translation>
    </message>
    <message>
        <source>{need} against {provision}</source>
        <translation>{need} yn erbyn {provision}</translation>
    </message>
    <message>
        <source>No gap</source>
        <translation>Dim bwlch</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Bwlch</translation>
    </message>
</context>
<context>
    <name>TileSource</name>
    <message>
        <source>Map tiles</source>
        <translation>Teils map</translation>
    </message>
    <message>
        <source>&amp;Show map tiles under the data</source>
        <translation>&amp;Dangos teils map o dan y data</translation>
    </message>
    <message>
        <source>Tile source</source>
        <translation>Ffynhonnell y teils</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Ffeil: {path}</translation>
    </message>
    <message>
        <source>A tile server of your own…</source>
        <translation>Gweinydd teils eich hun…</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>Templed URL</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors, © the provider</source>
        <translation>© Cyfranwyr OpenStreetMap, © y darparwr</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Priodoliad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Maximum zoom</source>
        <translation>Chwyddo mwyaf</translation>
    </message>
    <message>
        <source>Its terms allow downloading areas for offline use</source>
        <translation>Mae ei delerau&apos;n caniatáu lawrlwytho ardaloedd i&apos;w defnyddio all-lein</translation>
    </message>
    <message>
        <source>&amp;URL template:</source>
        <translation>Templed &amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Attribution:</source>
        <translation>&amp;Priodoliad:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>Maximum &amp;zoom:</source>
        <translation>&amp;Chwyddo mwyaf:</translation>
    </message>
    <message>
        <source>&amp;Tiles from:</source>
        <translation>&amp;Teils o:</translation>
    </message>
    <message>
        <source>Tiles are fetched as you look at the map, with assetmap&apos;s name in every request, and kept on this computer so they show offline later. Shown with “{attribution}”. OpenStreetMap&apos;s servers are run by volunteers: their &lt;a href=&quot;{url}&quot;&gt;tile usage policy&lt;/a&gt; forbids downloading areas in bulk, so “Make this area available offline” is not offered for them; import an OSM extract for a basemap that works anywhere.</source>
        <translation>Caiff teils eu nôl wrth i chi edrych ar y map, gydag enw assetmap ym mhob cais, a&apos;u cadw ar y cyfrifiadur hwn fel eu bod yn dangos all-lein yn nes ymlaen. Fe&apos;u dangosir gyda “{attribution}”. Gwirfoddolwyr sy&apos;n rhedeg gweinyddion OpenStreetMap: mae eu &lt;a href=&quot;{url}&quot;&gt;polisi defnyddio teils&lt;/a&gt; yn gwahardd lawrlwytho ardaloedd mewn swmp, felly ni chynigir “Sicrhau bod yr ardal hon ar gael all-lein” ar eu cyfer; mewnforiwch ddyfyniad OSM i gael map sylfaen sy&apos;n gweithio yn unrhyw le.</translation>
    </message>
    <message>
        <source>Tiles come from this file only: nothing is fetched, so they work offline.</source>
        <translation>Daw&apos;r teils o&apos;r ffeil hon yn unig: ni chaiff dim ei nôl, felly maen nhw&apos;n gweithio all-lein.</translation>
    </message>
    <message>
        <source>Use {z}, {x} and {y} (or {-y} for TMS rows, {s} for a, b, c) where the tile numbers go. The attribution the provider&apos;s terms require is drawn on the map and in every export.</source>
        <translation>Defnyddiwch {z}, {x} a {y} (neu {-y} ar gyfer rhesi TMS, {s} ar gyfer a, b, c) lle mae rhifau&apos;r teils yn mynd. Caiff y priodoliad y mae telerau&apos;r darparwr yn ei fynnu ei lunio ar y map ac ym mhob allforio.</translation>
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
    <message>
        <source>Click where the proposed asset would be, or press Enter to place it at the cross-hair (Escape stops). It is not added to the asset list.</source>
        <translation>Cliciwch lle byddai&apos;r ased arfaethedig, neu pwyswch Enter i&apos;w osod wrth y groes-wallt (mae Escape yn stopio). Nid yw&apos;n cael ei ychwanegu at y rhestr asedau.</translation>
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
    <name>WhatIf</name>
    <message>
        <source>What if</source>
        <translation>Beth os</translation>
    </message>
    <message>
        <source>— no scenario —</source>
        <translation>— dim senario —</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>Beth os…</translation>
    </message>
    <message>
        <source>Place a proposed asset on the map to see what it would change. Proposals are not added to the asset list.</source>
        <translation>Rhowch ased arfaethedig ar y map i weld beth fyddai&apos;n newid. Nid yw cynigion yn cael eu hychwanegu at y rhestr asedau.</translation>
    </message>
    <message>
        <source>Add a proposed asset</source>
        <translation>Ychwanegu ased arfaethedig</translation>
    </message>
    <message>
        <source>Click the map where it would be, or press Enter to place it at the cross-hair; Escape stops.</source>
        <translation>Cliciwch ar y map lle byddai, neu pwyswch Enter i&apos;w osod wrth y groes-wallt; mae Escape yn stopio.</translation>
    </message>
    <message>
        <source>Kind of proposed asset</source>
        <translation>Math o ased arfaethedig</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Proposed assets</source>
        <translation>Asedau arfaethedig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>What would change</source>
        <translation>Beth fyddai&apos;n newid</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tynnu</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>Yn ôl i heddiw</translation>
    </message>
    <message>
        <source>Save as scenario…</source>
        <translation>Cadw fel senario…</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Agor senario</translation>
    </message>
    <message>
        <source>Delete scenario…</source>
        <translation>Dileu senario…</translation>
    </message>
    <message>
        <source>Remove the scenario chosen beside it from the project (Edit ▸ Undo brings it back)</source>
        <translation>Tynnu&apos;r senario a ddewiswyd wrth ei ymyl o&apos;r prosiect (mae Golygu ▸ Dadwneud yn dod ag ef yn ôl)</translation>
    </message>
    <message>
        <source>Proposal {n}</source>
        <translation>Cynnig {n}</translation>
    </message>
    <message>
        <source>The what-if could not be worked out: {why}</source>
        <translation>Nid oedd modd cyfrifo&apos;r senario beth os: {why}</translation>
    </message>
    <message>
        <source>Open scenario…</source>
        <translation>Agor senario…</translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation>Cadw fel senario</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Enw:</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Dileu senario</translation>
    </message>
    <message>
        <source>Delete the scenario “{name}”?</source>
        <translation>Dileu&apos;r senario “{name}”?</translation>
    </message>
    <message>
        <source>Its proposals stay on the map until you go back to today. Edit ▸ Undo brings the scenario back.</source>
        <translation>Mae ei gynigion yn aros ar y map nes i chi fynd yn ôl i heddiw. Mae Golygu ▸ Dadwneud yn dod â&apos;r senario yn ôl.</translation>
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
        <source>&lt;b&gt;{group}&lt;/b&gt;: gaps {before} → {after}</source>
        <translation>&lt;b&gt;{group}&lt;/b&gt;: bylchau {before} → {after}</translation>
    </message>
    <message>
        <source>; people in gaps {before} → {after}</source>
        <translation>; pobl mewn bylchau {before} → {after}</translation>
    </message>
    <message>
        <source>; coverage {before} → {after}</source>
        <translation>; cwmpas {before} → {after}</translation>
    </message>
    <message>
        <source>&lt;i&gt;{title}&lt;/i&gt;: {why}</source>
        <translation>&lt;i&gt;{title}&lt;/i&gt;: {why}</translation>
    </message>
    <message>
        <source>&lt;i&gt;{title}&lt;/i&gt;: areas meeting it {before} → {after} of {n}</source>
        <translation>&lt;i&gt;{title}&lt;/i&gt;: ardaloedd sy&apos;n ei fodloni {before} → {after} o {n}</translation>
    </message>
    <message>
        <source>What if: 1 proposed asset — not today&apos;s map.</source>
        <translation>Beth os: 1 ased arfaethedig — nid map heddiw.</translation>
    </message>
    <message>
        <source>What if: {n} proposed assets — not today&apos;s map.</source>
        <translation>Beth os: {n} ased arfaethedig — nid map heddiw.</translation>
    </message>
    <message>
        <source>1 area no longer has a gap: at the end of the list, marked Closed.</source>
        <translation>Nid oes bwlch mwyach mewn 1 ardal: ar ddiwedd y rhestr, wedi&apos;i nodi&apos;n Wedi&apos;i gau.</translation>
    </message>
    <message>
        <source>{n} areas no longer have a gap: at the end of the list, marked Closed.</source>
        <translation>Nid oes bwlch mwyach mewn {n} ardal: ar ddiwedd y rhestr, wedi&apos;u nodi&apos;n Wedi&apos;i gau.</translation>
    </message>
    <message>
        <source>Go back to today to export the results. A what-if is saved as a scenario and compared with today in the report.</source>
        <translation>Ewch yn ôl i heddiw i allforio&apos;r canlyniadau. Mae senario beth os yn cael ei gadw fel senario a&apos;i gymharu â heddiw yn yr adroddiad.</translation>
    </message>
    <message>
        <source>there is no scenario &apos;{name}&apos;</source>
        <translation>nid oes senario &apos;{name}&apos;</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wrthi&apos;n canslo…</translation>
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
