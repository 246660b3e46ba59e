// pdf/fonts — embeds the faces a document draws with (internal to pdf/).
//
// Each face becomes one Type0 font with Identity-H encoding over a CIDFont
// whose CIDs are the face's glyph ids, so any glyph HarfBuzz produces can be
// drawn: ligatures, contextual forms, glyphs with no code point. TrueType
// outlines make a CIDFontType2 (CIDToGIDMap /Identity, FontFile2), CFF
// outlines (OpenType .otf, Noto Sans CJK's .ttc) a CIDFontType0 with the
// bare CFF program (FontFile3 /CIDFontType0C). The font file is subset by
// hb-subset keeping glyph ids (it subsets CFF as well); /W gives the widths; a ToUnicode CMap maps
// each glyph back to the text it stands for, so copy and search give what the author typed.
// libharu's own TrueType path cannot do this (it addresses glyphs by BMP
// code point and its ToUnicode makes poppler warn), so the objects are
// built on libharu's object layer.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_set.h"

namespace deckpdf::pdf {

// Appends four upper-case hex digits.
void hex4(std::string& out, uint32_t v);
// UTF-16BE hex of UTF-8 text (surrogate pairs beyond the BMP).
std::string utf16_hex(std::string_view utf8);
// The ToUnicode CMap for glyph ids and the text each stands for.
std::string to_unicode_cmap(const std::map<uint32_t, std::string>& glyphs);

class FontEmbedder {
 public:
  struct Entry {
    HPDF_Dict type0 = nullptr;
    std::string name;                        // resource name: "F1", "F2", ...
    std::map<uint32_t, std::string> glyphs;  // used glyph id -> its source text
    // The same texts by glyph id (nullptr: not used yet), so that the
    // common case, a glyph seen before, is one array lookup.
    std::vector<const std::string*> by_id;
  };

  FontEmbedder(HPDF_Doc doc, const text::FontSet& fonts) : doc_(doc), fonts_(fonts) {}

  // The entry of a face, created on first use (the dict is filled in by
  // finish(), once every glyph is known).
  Entry& use(text::FontId id);
  // Records that `glyph` is drawn for `text`. The ToUnicode map holds one
  // text per glyph (the first one seen); returns false when this use
  // stands for another text, so that the caller marks the run with
  // /ActualText instead.
  bool note_glyph(Entry& e, uint32_t glyph, std::string_view text);
  // Subsets and writes every used face. Returns false with `error` set.
  bool finish(std::string& error);

 private:
  HPDF_Doc doc_;
  const text::FontSet& fonts_;
  std::map<text::FontId, Entry> entries_;
};

}  // namespace deckpdf::pdf
