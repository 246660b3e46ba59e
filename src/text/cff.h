// text/cff — what a CFF table's glyphs are addressed by, for embedding.
//
// A PDF draws a CFF font (CIDFontType0) by CID. A name-keyed CFF (most
// Latin .otf faces) is addressed by glyph id directly; a CID-keyed one
// (Noto Sans CJK, Source Han) maps CIDs to glyphs through its charset. Our
// content streams carry glyph ids, so a CID-keyed face is drawn correctly
// only when its charset gives every glyph its own id as CID (Adobe's
// Identity ordering, as the Noto and Source Han CJK faces have).
#pragma once

#include <string_view>

namespace deckpdf::text {

enum class CffKeying {
  Name,         // name-keyed: CIDs are glyph ids
  CidIdentity,  // CID-keyed, CID = glyph id for every glyph
  CidOther,     // CID-keyed with another mapping: cannot be drawn by glyph id
  Invalid,      // not a CFF table this reader understands
};

// Reads the header, the Top DICT and the charset of a 'CFF ' table; every
// offset is bounds-checked (font files are untrusted).
CffKeying cff_keying(std::string_view cff);

}  // namespace deckpdf::text
