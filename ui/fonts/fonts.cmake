# Fonts from Debian packages (fonts-inter, fonts-dejavu-core, fonts-fork-awesome), subset at
# build time with pyftsubset to the glyphs the UI uses, then compiled into the binary: the
# browser downloads no font files and the wasm stays small.
find_program(PYFTSUBSET pyftsubset REQUIRED)

# Latin-1 plus the typographic marks the copy uses (dashes, quotes, bullet, ellipsis, arrows).
set(text_unicodes "U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2190-2193,U+2212")
set(icon_unicodes "U+F0C5,U+F00C,U+F1E6,U+F0C0,U+F013,U+F0C1,U+F08E,U+F00D,U+F071,U+F06A,U+F05A,U+F058,U+F185,U+F186,U+F002,U+F021,U+F1F8,U+F05E,U+F142,U+F06E,U+F070,U+F054,U+F078,U+F061,U+F0DC,U+F0DE,U+F0DD,U+F019,U+F0B0,U+F084,U+F132,U+F017,U+F067")

# The Python that runs pyftsubset, which has fontTools: the one its first line names.
file(STRINGS "${PYFTSUBSET}" pyftsubset_shebang LIMIT_COUNT 1)
string(REGEX REPLACE "^#! *" "" FONT_PYTHON "${pyftsubset_shebang}")
set(cff_names "${CMAKE_CURRENT_LIST_DIR}/cff_standard_names.py")

function(openzro_font symbol source unicodes)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${symbol}.font")
  set(rename)
  if(source MATCHES "\\.otf$")  # CFF outlines: glyph names are stored
    set(rename COMMAND ${FONT_PYTHON} "${cff_names}" "${out}" "${out}")
  endif()
  add_custom_command(OUTPUT "${out}"
    COMMAND ${PYFTSUBSET} "${source}" "--unicodes=${unicodes}" "--output-file=${out}"
            --layout-features= --no-hinting --desubroutinize --name-IDs=1,2 --drop-tables+=GDEF,GPOS,GSUB,DSIG
    ${rename}
    DEPENDS "${source}" "${cff_names}" COMMENT "Subsetting ${symbol}" VERBATIM)
  openzro_embed(openzro_ui ${symbol} "${out}")
endfunction()

openzro_font(font_inter_regular /usr/share/fonts/opentype/inter/Inter-Regular.otf "${text_unicodes}")
openzro_font(font_inter_medium /usr/share/fonts/opentype/inter/Inter-Medium.otf "${text_unicodes}")
openzro_font(font_mono /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf "U+0020-007E,U+2022")
openzro_font(font_icons /usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf "${icon_unicodes}")
