#include "pdf/fonts.h"

#include <hb-subset.h>
#include <hb.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "pdf/deflate.h"
#include "text/utf8.h"

namespace deckpdf::pdf {

void hex4(std::string& out, uint32_t v) {
  static const char* digits = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(digits[(v >> shift) & 0xF]);
}

std::string utf16_hex(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = text::utf8_next(s, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      hex4(out, 0xD800 + (cp >> 10));
      hex4(out, 0xDC00 + (cp & 0x3FF));
    } else {
      hex4(out, cp);
    }
  }
  return out;
}

std::string to_unicode_cmap(const std::map<uint32_t, std::string>& glyphs) {
  std::vector<std::pair<uint32_t, std::string>> entries;
  for (const auto& [gid, text] : glyphs) {
    if (!text.empty()) entries.emplace_back(gid, utf16_hex(text));
  }
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < entries.size(); i += 100) {  // at most 100 per block
    size_t n = std::min<size_t>(100, entries.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      s += '<';
      hex4(s, entries[k].first);
      s += "> <" + entries[k].second + ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

namespace {

// Six capital letters naming the subset, derived from its content so that
// the same deck always gives the same name.
std::string subset_tag(const std::string& ps, const std::map<uint32_t, std::string>& glyphs) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the face name and glyph ids
  auto mix = [&](uint32_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : ps) mix(static_cast<unsigned char>(c));
  for (const auto& [gid, text] : glyphs) mix(gid);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

// The subset font program: the whole sfnt for TrueType outlines
// (FontFile2); for CFF outlines the subset's 'CFF ' table alone
// (FontFile3 /CIDFontType0C), whose glyphs are addressed by our CIDs, the
// original glyph ids: a name-keyed CFF's directly (glyph ids retained), a
// CID-keyed one's (Noto Sans CJK, Source Han: CID = glyph id, text/cff.h)
// through the charset, which hb-subset writes with each glyph's CID.
std::string subset_font(const text::FontFace& face, const std::map<uint32_t, std::string>& g) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return {};
  hb_set_t* glyphs = hb_subset_input_glyph_set(input);
  hb_set_add(glyphs, 0);
  for (const auto& [gid, text] : g) hb_set_add(glyphs, gid);
  // Keep glyph ids (they are the CIDs in the content streams); drop hinting
  // and the layout tables a PDF viewer never reads.
  // A drawn .notdef (a character no font has) keeps its outline, the box
  // the missing-glyph warning promises; hb-subset empties it otherwise.
  unsigned notdef = g.count(0) ? unsigned{HB_SUBSET_FLAGS_NOTDEF_OUTLINE} : 0u;
  // A CID-keyed CFF keeps each glyph's CID in its charset, so its glyphs
  // may be renumbered: tens of thousands of empty CJK glyphs kept in their
  // places would cost more than the glyphs drawn.
  unsigned retain = face.cid_keyed ? 0u : unsigned{HB_SUBSET_FLAGS_RETAIN_GIDS};
  hb_subset_input_set_flags(
      input, retain | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE | notdef);
  // A variable face's named instance: every axis pinned, so the subset is
  // the static face at those coordinates (outlines and advances).
  for (const auto& [tag, value] : face.variations) {
    hb_subset_input_pin_axis_location(input, face.hb_face, tag, value);
  }
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "BASE", "JSTF", "MATH", "DSIG",
                          "morx", "kerx", "feat", "STAT", "fvar", "gvar", "avar", "HVAR",
                          "MVAR", "VVAR", "cvar", "meta", "vhea", "vmtx", "VORG"}) {
    hb_set_add(drop, hb_tag_from_string(tag, -1));
  }
  hb_face_t* sub = hb_subset_or_fail(face.hb_face, input);
  hb_subset_input_destroy(input);
  if (!sub) return {};
  hb_blob_t* blob = face.cff ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '))
                             : hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string out(data ? data : "", len);
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  return out;
}

HPDF_Dict stream_dict(HPDF_Doc doc, const std::string& bytes) {
  HPDF_Dict d = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!d) return nullptr;
  stream_write_deflated(d, bytes);
  return d;
}

HPDF_INT32 scaled(double v, float to1000) {
  return static_cast<HPDF_INT32>(std::lround(v * to1000));
}

}  // namespace

FontEmbedder::Entry& FontEmbedder::use(text::FontId id) {
  auto it = entries_.find(id);
  if (it != entries_.end()) return it->second;
  Entry& e = entries_[id];
  e.type0 = HPDF_Dict_New(doc_->mmgr);
  HPDF_Xref_Add(doc_->xref, e.type0);
  e.name = "F" + std::to_string(entries_.size());
  return e;
}

bool FontEmbedder::note_glyph(Entry& e, uint32_t glyph, std::string_view text) {
  if (glyph < e.by_id.size() && e.by_id[glyph]) {
    const std::string& known = *e.by_id[glyph];
    if (known == text) return true;
    if (!known.empty()) return false;
  }
  // New, or known with no text yet: this text is the glyph's.
  std::string& stored = e.glyphs[glyph];
  stored = text;
  if (glyph >= e.by_id.size()) {
    e.by_id.resize(std::max<size_t>({glyph + 1, e.by_id.size() * 2, 256}), nullptr);
  }
  e.by_id[glyph] = &stored;
  return true;
}

bool FontEmbedder::finish(std::string& error) {
  HPDF_MMgr mmgr = doc_->mmgr;
  for (auto& [id, e] : entries_) {
    const text::FontFace& face = fonts_.face(id);
    float to1000 = 1000.0f / static_cast<float>(face.units_per_em);
    std::string base = subset_tag(face.postscript, e.glyphs) + "+" + face.postscript;

    std::string file = subset_font(face, e.glyphs);
    if (file.empty()) {
      error = "hb-subset could not subset " + face.path;
      return false;
    }
    HPDF_Dict font_file = stream_dict(doc_, file);
    if (face.cff) {
      HPDF_Dict_AddName(font_file, "Subtype", "CIDFontType0C");
    } else {
      HPDF_Dict_AddNumber(font_file, "Length1", static_cast<HPDF_INT32>(file.size()));
    }

    HPDF_Dict fd = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(doc_->xref, fd);
    HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
    HPDF_Dict_AddName(fd, "FontName", base.c_str());
    HPDF_Dict_AddNumber(fd, "Flags", 32 | (face.italic ? 64 : 0) | (face.monospace ? 1 : 0));
    HPDF_Array bbox = HPDF_Array_New(mmgr);
    for (int v : face.bbox) HPDF_Array_AddNumber(bbox, scaled(v, to1000));
    HPDF_Dict_Add(fd, "FontBBox", bbox);
    HPDF_Dict_AddReal(fd, "ItalicAngle", face.italic_angle);
    HPDF_Dict_AddNumber(fd, "Ascent", scaled(face.ascender, to1000));
    HPDF_Dict_AddNumber(fd, "Descent", scaled(face.descender, to1000));
    HPDF_Dict_AddNumber(fd, "CapHeight", scaled(face.cap_height, to1000));
    HPDF_Dict_AddNumber(fd, "StemV", face.weight >= 600 ? 120 : 80);
    HPDF_Dict_Add(fd, face.cff ? "FontFile3" : "FontFile2", font_file);

    HPDF_Dict cid = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(doc_->xref, cid);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", face.cff ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", base.c_str());
    HPDF_Dict info = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", fd);
    if (!face.cff) HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");  // CIDFontType2 only
    // /W: each run of consecutive glyph ids shares one array of widths.
    HPDF_Array w = HPDF_Array_New(mmgr);
    HPDF_Array run = nullptr;
    uint32_t prev = 0;
    for (const auto& [gid, text] : e.glyphs) {
      if (!run || gid != prev + 1) {
        HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(gid));
        run = HPDF_Array_New(mmgr);
        HPDF_Array_Add(w, run);
      }
      HPDF_Array_AddNumber(run, scaled(face.glyph_advance(gid), to1000));
      prev = gid;
    }
    HPDF_Dict_Add(cid, "W", w);

    HPDF_Dict_AddName(e.type0, "Type", "Font");
    HPDF_Dict_AddName(e.type0, "Subtype", "Type0");
    HPDF_Dict_AddName(e.type0, "BaseFont", base.c_str());
    HPDF_Dict_AddName(e.type0, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(mmgr);
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(e.type0, "DescendantFonts", descendants);
    HPDF_Dict_Add(e.type0, "ToUnicode", stream_dict(doc_, to_unicode_cmap(e.glyphs)));
  }
  return true;
}

}  // namespace deckpdf::pdf
