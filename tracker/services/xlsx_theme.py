"""The Office theme part every Excel workbook carries (``xl/theme/theme1.xml``).

The styles' fonts refer to theme colours (``<color theme="1"/>``) and the
minor font scheme; without this part strict OOXML validators report the
missing relationship and some readers fall back to their own colours. The
text is the default Office 2007 theme as Excel writes it (the same as
XlsxWriter's ``THEME_XML_2007``, BSD-2-Clause, John McNamara).
"""

from __future__ import annotations

THEME_PATH = "xl/theme/theme1.xml"
THEME_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml"

THEME_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="http:/'
    '/schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeEle'
    'ments><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="0000'
    '00"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:s'
    'rgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1>'
    '<a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:acc'
    'ent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="'
    '8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6>'
    '<a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink'
    '><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme><a:fontScheme n'
    'ame="Office"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs '
    'typeface=""/><a:font script="Jpan" typeface="ＭＳ Ｐゴシック"/><a:font script="Hang" ty'
    'peface="맑은 고딕"/><a:font script="Hans" typeface="宋体"/><a:font script="Hant" typef'
    'ace="新細明體"/><a:font script="Arab" typeface="Times New Roman"/><a:font script="He'
    'br" typeface="Times New Roman"/><a:font script="Thai" typeface="Tahoma"/><a:font'
    ' script="Ethi" typeface="Nyala"/><a:font script="Beng" typeface="Vrinda"/><a:fon'
    't script="Gujr" typeface="Shruti"/><a:font script="Khmr" typeface="MoolBoran"/><'
    'a:font script="Knda" typeface="Tunga"/><a:font script="Guru" typeface="Raavi"/><'
    'a:font script="Cans" typeface="Euphemia"/><a:font script="Cher" typeface="Planta'
    'genet Cherokee"/><a:font script="Yiii" typeface="Microsoft Yi Baiti"/><a:font sc'
    'ript="Tibt" typeface="Microsoft Himalaya"/><a:font script="Thaa" typeface="MV Bo'
    'li"/><a:font script="Deva" typeface="Mangal"/><a:font script="Telu" typeface="Ga'
    'utami"/><a:font script="Taml" typeface="Latha"/><a:font script="Syrc" typeface="'
    'Estrangelo Edessa"/><a:font script="Orya" typeface="Kalinga"/><a:font script="Ml'
    'ym" typeface="Kartika"/><a:font script="Laoo" typeface="DokChampa"/><a:font scri'
    'pt="Sinh" typeface="Iskoola Pota"/><a:font script="Mong" typeface="Mongolian Bai'
    'ti"/><a:font script="Viet" typeface="Times New Roman"/><a:font script="Uigh" typ'
    'eface="Microsoft Uighur"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"'
    '/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="ＭＳ Ｐゴシック'
    '"/><a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="宋体"/>'
    '<a:font script="Hant" typeface="新細明體"/><a:font script="Arab" typeface="Arial"/><'
    'a:font script="Hebr" typeface="Arial"/><a:font script="Thai" typeface="Tahoma"/>'
    '<a:font script="Ethi" typeface="Nyala"/><a:font script="Beng" typeface="Vrinda"/'
    '><a:font script="Gujr" typeface="Shruti"/><a:font script="Khmr" typeface="DaunPe'
    'nh"/><a:font script="Knda" typeface="Tunga"/><a:font script="Guru" typeface="Raa'
    'vi"/><a:font script="Cans" typeface="Euphemia"/><a:font script="Cher" typeface="'
    'Plantagenet Cherokee"/><a:font script="Yiii" typeface="Microsoft Yi Baiti"/><a:f'
    'ont script="Tibt" typeface="Microsoft Himalaya"/><a:font script="Thaa" typeface='
    '"MV Boli"/><a:font script="Deva" typeface="Mangal"/><a:font script="Telu" typefa'
    'ce="Gautami"/><a:font script="Taml" typeface="Latha"/><a:font script="Syrc" type'
    'face="Estrangelo Edessa"/><a:font script="Orya" typeface="Kalinga"/><a:font scri'
    'pt="Mlym" typeface="Kartika"/><a:font script="Laoo" typeface="DokChampa"/><a:fon'
    't script="Sinh" typeface="Iskoola Pota"/><a:font script="Mong" typeface="Mongoli'
    'an Baiti"/><a:font script="Viet" typeface="Arial"/><a:font script="Uigh" typefac'
    'e="Microsoft Uighur"/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a'
    ':fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:gradFill r'
    'otWithShape="1"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="500'
    '00"/><a:satMod val="300000"/></a:schemeClr></a:gs><a:gs pos="35000"><a:schemeClr'
    ' val="phClr"><a:tint val="37000"/><a:satMod val="300000"/></a:schemeClr></a:gs><'
    'a:gs pos="100000"><a:schemeClr val="phClr"><a:tint val="15000"/><a:satMod val="3'
    '50000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="16200000" scaled="1"/></a:gra'
    'dFill><a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0"><a:schemeClr val="phCl'
    'r"><a:shade val="51000"/><a:satMod val="130000"/></a:schemeClr></a:gs><a:gs pos='
    '"80000"><a:schemeClr val="phClr"><a:shade val="93000"/><a:satMod val="130000"/><'
    '/a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:shade val="94'
    '000"/><a:satMod val="135000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="1620000'
    '0" scaled="0"/></a:gradFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525" cap="f'
    'lat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"><a:shade val="9'
    '5000"/><a:satMod val="105000"/></a:schemeClr></a:solidFill><a:prstDash val="soli'
    'd"/></a:ln><a:ln w="25400" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:sche'
    'meClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln><a:ln w="38100"'
    ' cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:sol'
    'idFill><a:prstDash val="solid"/></a:ln></a:lnStyleLst><a:effectStyleLst><a:effec'
    'tStyle><a:effectLst><a:outerShdw blurRad="40000" dist="20000" dir="5400000" rotW'
    'ithShape="0"><a:srgbClr val="000000"><a:alpha val="38000"/></a:srgbClr></a:outer'
    "Shdw></a:effectLst></a:effectStyle><a:effectStyle><a:effectLst><a:outerShdw blur"
    'Rad="40000" dist="23000" dir="5400000" rotWithShape="0"><a:srgbClr val="000000">'
    '<a:alpha val="35000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle><a'
    ':effectStyle><a:effectLst><a:outerShdw blurRad="40000" dist="23000" dir="5400000'
    '" rotWithShape="0"><a:srgbClr val="000000"><a:alpha val="35000"/></a:srgbClr></a'
    ':outerShdw></a:effectLst><a:scene3d><a:camera prst="orthographicFront"><a:rot la'
    't="0" lon="0" rev="0"/></a:camera><a:lightRig rig="threePt" dir="t"><a:rot lat="'
    '0" lon="0" rev="1200000"/></a:lightRig></a:scene3d><a:sp3d><a:bevelT w="63500" h'
    '="25400"/></a:sp3d></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solid'
    'Fill><a:schemeClr val="phClr"/></a:solidFill><a:gradFill rotWithShape="1"><a:gsL'
    'st><a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="40000"/><a:satMod val="35'
    '0000"/></a:schemeClr></a:gs><a:gs pos="40000"><a:schemeClr val="phClr"><a:tint v'
    'al="45000"/><a:shade val="99000"/><a:satMod val="350000"/></a:schemeClr></a:gs><'
    'a:gs pos="100000"><a:schemeClr val="phClr"><a:shade val="20000"/><a:satMod val="'
    '255000"/></a:schemeClr></a:gs></a:gsLst><a:path path="circle"><a:fillToRect l="5'
    '0000" t="-80000" r="50000" b="180000"/></a:path></a:gradFill><a:gradFill rotWith'
    'Shape="1"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="80000"/><'
    'a:satMod val="300000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val='
    '"phClr"><a:shade val="30000"/><a:satMod val="200000"/></a:schemeClr></a:gs></a:g'
    'sLst><a:path path="circle"><a:fillToRect l="50000" t="50000" r="50000" b="50000"'
    "/></a:path></a:gradFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:ob"
    "jectDefaults/><a:extraClrSchemeLst/></a:theme>"
)

__all__ = ["THEME_CONTENT_TYPE", "THEME_PATH", "THEME_XML"]
