# ui/fonts/cff_standard_names.py IN OUT: gives a subset CFF font's glyphs the CFF standard
# names where Unicode has one ("A", "adieresis"). A standard name costs nothing; a custom one
# ("uni00E4") is stored as a string: 0.7 KB of gzip per Inter font. Glyph order and outlines
# stay as they are, so the font renders the same.
import io
import sys
from fontTools.ttLib import TTFont
from fontTools.agl import UV2AGL
from fontTools.cffLib import cffStandardStrings

with open(sys.argv[1], 'rb') as source:  # read whole: OUT may be IN
    font = TTFont(io.BytesIO(source.read()))
standard = set(cffStandardStrings)
first_code = {}
for code, glyph in sorted(font.getBestCmap().items()):
    first_code.setdefault(glyph, code)
order = font.getGlyphOrder()
taken = set(order)  # a name never given twice
rename = {}
for glyph in order:
    name = UV2AGL.get(first_code.get(glyph, -1))
    rename[glyph] = name if name in standard and name not in taken else glyph
    taken.add(rename[glyph])
for table in font['cmap'].tables:
    table.cmap = {code: rename[glyph] for code, glyph in table.cmap.items()}
font['hmtx'].metrics = {rename[g]: m for g, m in font['hmtx'].metrics.items()}
top = font['CFF '].cff.topDictIndex[0]
strings = top.CharStrings
strings.charStrings = {rename[g]: v for g, v in strings.charStrings.items()}
top.charset = [rename[g] for g in top.charset]
font.setGlyphOrder([rename[g] for g in order])
font.save(sys.argv[2])
