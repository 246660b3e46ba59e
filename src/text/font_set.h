// text/font_set — the faces deckpdf draws with.
//
// Faces come from the bundled fonts/ folder only, so the output never depends
// on which fonts a machine happens to have. Each face is parsed once: a
// FreeType face for names and metrics and a HarfBuzz face for shaping, both
// on the same bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;
struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace deckpdf::text {

using FontId = uint32_t;

struct FontFace {
  std::string path;
  std::string family;      // typographic family, e.g. "Source Sans 3"
  std::string postscript;  // PostScript name, e.g. "SourceSans3-Regular"
  int weight = 400;        // OS/2 usWeightClass
  bool italic = false;
  bool monospace = false;
  bool bundled = true;         // from fonts/; false for a system fallback face
  bool outlines = true;        // has outlines a PDF embeds: 'glyf', or 'CFF ' (not CFF2)
  bool cff = false;            // the outlines are CFF (embedded as CIDFontType0)
  bool cid_keyed = false;      // CID-keyed CFF, CID = glyph id (text/cff.h)
  bool color_bitmaps = false;  // has colour bitmaps (CBDT/CBLC, as Noto Color Emoji)
  uint32_t units_per_em = 1000;
  int ascender = 0;   // font units, positive up (hhea / typo metrics)
  int descender = 0;  // font units, negative down
  int cap_height = 0;
  int bbox[4] = {0, 0, 0, 0};  // xMin yMin xMax yMax, font units
  float italic_angle = 0;
  unsigned index = 0;  // in its file: the face of a collection
  // A named instance of a variable face (Source Sans 3's SemiBold from its
  // one variable file): every axis's value, which shaping, advances and
  // the embedded subset (instanced by hb-subset) use. Empty for a static
  // face and for a variable face's default instance.
  std::vector<std::pair<uint32_t, float>> variations;

  hb_blob_t* blob = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;  // scaled to units_per_em
  FT_FaceRec_* ft_face = nullptr;

  // Advance of a glyph in font units.
  int glyph_advance(uint32_t glyph) const;

  // A colour bitmap glyph, un-premultiplied RGBA rows from the top, with
  // its placement in pixels of the strike (`ppem` pixels per em).
  struct Bitmap {
    int width = 0, height = 0;
    float left = 0, top = 0;  // from the pen position; top is up
    float ppem = 0;
    std::vector<uint8_t> rgba;
  };
  bool color_bitmap(uint32_t glyph, Bitmap& out) const;
  bool has_codepoint(uint32_t cp) const;
};

class FontSet {
 public:
  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Loads every .ttf/.otf/.woff/.woff2 in `dir`, in name order, each named
  // instance of a variable face as a face of its own. Returns false with
  // `error` set when the folder holds no usable font.
  bool load_dir(const std::string& dir, std::string& error);
  // The faces a theme asks for beyond the ones every deck uses: for each
  // family named in `family_lists` (CSS font-family lists), the fonts in
  // `dir/SLUG/`, SLUG the family in lower case with '-' for spaces
  // ("League Gothic" -> league-gothic/), each folder once. A deck that names
  // none of them loads nothing more and draws as before.
  void load_families(const std::string& dir, const std::vector<std::string>& family_lists);
  // Loads one face of a file: `index` & 0xFFFF is the face of a collection,
  // `index` >> 16 a variable face's named instance from 1 (FreeType's and
  // fontconfig's numbering), 0 its default. WOFF and WOFF2 are decoded.
  bool load_file(const std::string& path, std::string& error, unsigned index = 0);
  // Adds the named instances of a variable face other than its default as
  // faces of their own, each with its weight and style (font_instances.cpp).
  void load_instances(FontId id);

  const FontFace& face(FontId id) const { return *faces_[id]; }
  size_t size() const { return faces_.size(); }

  // CSS-like matching: the family (a comma list; "sans-serif" and
  // "monospace" are generic names for the bundled faces), then the nearest
  // weight, then the style. Always returns some face.
  FontId match(const std::string& family_list, int weight, bool italic) const;
  // What match() answers now, without remembering it: safe on several
  // threads at once while nothing calls match() or fallback().
  FontId match_peek(const std::string& family_list, int weight, bool italic) const;

  // The face to draw code point `cps[0]` with when `preferred` lacks it: a
  // bundled face first (nearest in weight and style), then a system face
  // found through fontconfig (TrueType or CFF outlines, which a PDF embeds
  // as CIDFontType2 or CIDFontType0). Nothing when no font on the machine has it.
  // `emoji` prefers colour faces (emoji code points, or a character
  // followed by the emoji variation selector U+FE0F). The rest of `cps` are
  // the characters that follow it which `preferred` lacks too: a face with
  // all of them is preferred to the first face with `cps[0]`, so that a
  // run is drawn in one face. A system face is then taken in the weight
  // and style nearest `preferred`'s within its family (Noto Sans CJK Bold
  // for a bold heading).
  std::optional<FontId> fallback(const std::vector<uint32_t>& cps, FontId preferred,
                                 bool emoji = false);

  // Whether system fonts may be used at all (tests of bundled-only output
  // turn this off).
  void set_system_fallback(bool on) { system_fallback_ = on; }

 private:
  // Makes `f` (default instance loaded) named instance `instance` (from 0).
  static void set_instance(FontFace& f, unsigned instance);
  std::optional<FontId> system_face(const std::vector<uint32_t>& cps, bool emoji,
                                    const FontFace& want);
  void list_system_faces();
  FontId match_uncached(const std::string& family_list, int weight, bool italic) const;

  FT_LibraryRec_* ft_ = nullptr;
  std::vector<std::unique_ptr<FontFace>> faces_;
  bool system_fallback_ = true;
  std::unordered_map<std::string, std::optional<FontId>> fallback_cache_;
  std::string fallback_key_;                                     // built in place
  std::unordered_map<std::string, FontId> loaded_files_;         // "path#index" -> face
  std::vector<std::string> loaded_families_;                     // load_families' folders
  mutable std::unordered_map<std::string, FontId> match_cache_;  // match() results
  struct SystemList;
  std::unique_ptr<SystemList> system_;
};

}  // namespace deckpdf::text
