// text/font_set — the faces deckpdf draws with.
//
// Faces come from the bundled fonts/ folder only, so the output never depends
// on which fonts a machine happens to have. Each face is parsed once: a
// FreeType face for names and metrics and a HarfBuzz face for shaping, both
// on the same bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
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
  std::string family;       // typographic family, e.g. "Source Sans 3"
  std::string postscript;   // PostScript name, e.g. "SourceSans3-Regular"
  int weight = 400;         // OS/2 usWeightClass
  bool italic = false;
  bool monospace = false;
  uint32_t units_per_em = 1000;
  int ascender = 0;  // font units, positive up (hhea / typo metrics)
  int descender = 0;  // font units, negative down
  int cap_height = 0;
  int bbox[4] = {0, 0, 0, 0};  // xMin yMin xMax yMax, font units
  float italic_angle = 0;

  hb_blob_t* blob = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;  // scaled to units_per_em
  FT_FaceRec_* ft_face = nullptr;

  // Advance of a glyph in font units.
  int glyph_advance(uint32_t glyph) const;
  bool has_codepoint(uint32_t cp) const;
};

class FontSet {
 public:
  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Loads every .ttf/.otf in `dir`, in name order. Returns false with
  // `error` set when the folder holds no usable font.
  bool load_dir(const std::string& dir, std::string& error);
  // Loads one file; returns its id, or nothing on failure.
  bool load_file(const std::string& path, std::string& error);

  const FontFace& face(FontId id) const { return *faces_[id]; }
  size_t size() const { return faces_.size(); }

  // CSS-like matching: the family (a comma list; "sans-serif" and
  // "monospace" are generic names for the bundled faces), then the nearest
  // weight, then the style. Always returns some face.
  FontId match(const std::string& family_list, int weight, bool italic) const;

 private:
  FT_LibraryRec_* ft_ = nullptr;
  std::vector<std::unique_ptr<FontFace>> faces_;
};

}  // namespace deckpdf::text
