// Icon glyphs of the embedded Fork Awesome subset (ui/fonts/fonts.cmake keeps the list in sync).
#pragma once

#define OZ_ICON_SEARCH "\xef\x80\x82"         // U+F002
#define OZ_ICON_CHECK "\xef\x80\x8c"          // U+F00C
#define OZ_ICON_CLOSE "\xef\x80\x8d"          // U+F00D
#define OZ_ICON_COG "\xef\x80\x93"            // U+F013
#define OZ_ICON_CLOCK "\xef\x80\x97"          // U+F017
#define OZ_ICON_DOWNLOAD "\xef\x80\x99"       // U+F019
#define OZ_ICON_REFRESH "\xef\x80\xa1"        // U+F021
#define OZ_ICON_CHEVRON_RIGHT "\xef\x81\x94"  // U+F054
#define OZ_ICON_CHECK_CIRCLE "\xef\x81\x98"   // U+F058
#define OZ_ICON_INFO "\xef\x81\x9a"           // U+F05A
#define OZ_ICON_BAN "\xef\x81\x9e"            // U+F05E
#define OZ_ICON_ARROW_RIGHT "\xef\x81\xa1"    // U+F061
#define OZ_ICON_PLUS "\xef\x81\xa7"           // U+F067
#define OZ_ICON_ERROR "\xef\x81\xaa"          // U+F06A
#define OZ_ICON_EYE "\xef\x81\xae"            // U+F06E
#define OZ_ICON_EYE_SLASH "\xef\x81\xb0"      // U+F070
#define OZ_ICON_WARNING "\xef\x81\xb1"        // U+F071
#define OZ_ICON_CHEVRON_DOWN "\xef\x81\xb8"   // U+F078
#define OZ_ICON_KEY "\xef\x82\x84"            // U+F084
#define OZ_ICON_EXTERNAL_LINK "\xef\x82\x8e"  // U+F08E
#define OZ_ICON_FILTER "\xef\x82\xb0"         // U+F0B0
#define OZ_ICON_USERS "\xef\x83\x80"          // U+F0C0
#define OZ_ICON_LINK "\xef\x83\x81"           // U+F0C1
#define OZ_ICON_COPY "\xef\x83\x85"           // U+F0C5
#define OZ_ICON_SORT "\xef\x83\x9c"           // U+F0DC
#define OZ_ICON_SORT_DESC "\xef\x83\x9d"      // U+F0DD
#define OZ_ICON_SORT_ASC "\xef\x83\x9e"       // U+F0DE
#define OZ_ICON_SHIELD "\xef\x84\xb2"         // U+F132
#define OZ_ICON_ELLIPSIS_V "\xef\x85\x82"     // U+F142
#define OZ_ICON_SUN "\xef\x86\x85"            // U+F185
#define OZ_ICON_MOON "\xef\x86\x86"           // U+F186
#define OZ_ICON_PLUG "\xef\x87\xa6"           // U+F1E6
#define OZ_ICON_TRASH "\xef\x87\xb8"          // U+F1F8

// Codepoint range the font loader merges into every text font.
#define OZ_ICON_MIN 0xf002
#define OZ_ICON_MAX 0xf1f8
