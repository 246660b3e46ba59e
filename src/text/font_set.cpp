#include "text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace deckpdf::text {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\"'");
  size_t e = s.find_last_not_of(" \t\"'");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The name table entry `id` as UTF-8 (Windows/Unicode UTF-16BE or Mac Roman).
std::string sfnt_name(FT_Face face, FT_UShort id) {
  FT_UInt count = FT_Get_Sfnt_Name_Count(face);
  for (FT_UInt i = 0; i < count; ++i) {
    FT_SfntName n;
    if (FT_Get_Sfnt_Name(face, i, &n) != 0 || n.name_id != id) continue;
    std::string out;
    if (n.platform_id == TT_PLATFORM_MICROSOFT || n.platform_id == TT_PLATFORM_APPLE_UNICODE) {
      for (FT_UInt k = 0; k + 1 < n.string_len; k += 2) {
        unsigned c = (n.string[k] << 8) | n.string[k + 1];
        if (c < 0x80) out.push_back(static_cast<char>(c));
      }
    } else {
      out.assign(reinterpret_cast<const char*>(n.string), n.string_len);
    }
    if (!out.empty()) return out;
  }
  return {};
}

}  // namespace

int FontFace::glyph_advance(uint32_t glyph) const {
  return static_cast<int>(hb_font_get_glyph_h_advance(hb_font, glyph));
}

bool FontFace::has_codepoint(uint32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(hb_font, cp, &g) && g != 0;
}

FontSet::FontSet() {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) std::abort();
  ft_ = lib;
}

FontSet::~FontSet() {
  for (auto& f : faces_) {
    hb_font_destroy(f->hb_font);
    hb_face_destroy(f->hb_face);
    FT_Done_Face(f->ft_face);
    hb_blob_destroy(f->blob);
  }
  FT_Done_FreeType(ft_);
}

bool FontSet::load_file(const std::string& path, std::string& error) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) {
    error = "cannot read font file '" + path + "'";
    return false;
  }
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  FT_Face ft = nullptr;
  if (FT_New_Memory_Face(ft_, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(len), 0,
                         &ft) != 0 ||
      !FT_IS_SFNT(ft)) {
    if (ft) FT_Done_Face(ft);
    hb_blob_destroy(blob);
    error = "'" + path + "' is not a TrueType/OpenType font";
    return false;
  }
  auto f = std::make_unique<FontFace>();
  f->path = path;
  f->blob = blob;
  f->ft_face = ft;
  f->hb_face = hb_face_create(blob, 0);
  f->hb_font = hb_font_create(f->hb_face);
  f->units_per_em = ft->units_per_EM ? ft->units_per_EM : 1000;
  hb_font_set_scale(f->hb_font, static_cast<int>(f->units_per_em),
                    static_cast<int>(f->units_per_em));
  f->family = sfnt_name(ft, TT_NAME_ID_TYPOGRAPHIC_FAMILY);
  if (f->family.empty()) f->family = ft->family_name ? ft->family_name : "";
  const char* ps = FT_Get_Postscript_Name(ft);
  f->postscript = ps ? ps : fs::path(path).stem().string();
  f->italic = (ft->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  f->weight = (ft->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400;
  f->monospace = FT_IS_FIXED_WIDTH(ft);
  auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2));
  if (os2 && os2->version != 0xFFFF) {
    f->weight = os2->usWeightClass;
    f->cap_height = os2->version >= 2 ? os2->sCapHeight : 0;
  }
  auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(ft, FT_SFNT_POST));
  if (post) f->italic_angle = static_cast<float>(post->italicAngle) / 65536.0f;
  f->ascender = ft->ascender;
  f->descender = ft->descender;
  if (f->cap_height == 0) f->cap_height = static_cast<int>(std::lround(f->ascender * 0.7));
  f->bbox[0] = static_cast<int>(ft->bbox.xMin);
  f->bbox[1] = static_cast<int>(ft->bbox.yMin);
  f->bbox[2] = static_cast<int>(ft->bbox.xMax);
  f->bbox[3] = static_cast<int>(ft->bbox.yMax);
  faces_.push_back(std::move(f));
  return true;
}

bool FontSet::load_dir(const std::string& dir, std::string& error) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string ext = lower(entry.path().extension().string());
    if (ext == ".ttf" || ext == ".otf") files.push_back(entry.path());
  }
  if (ec) {
    error = "cannot read the fonts folder '" + dir + "': " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());  // same order on every machine
  for (const auto& p : files) {
    std::string e;
    if (!load_file(p.string(), e)) error = e;
  }
  if (faces_.empty()) {
    if (error.empty()) error = "no fonts in '" + dir + "'";
    return false;
  }
  return true;
}

FontId FontSet::match(const std::string& family_list, int weight, bool italic) const {
  // Candidate families in order of preference.
  std::vector<std::string> wanted;
  size_t start = 0;
  while (start <= family_list.size()) {
    size_t comma = family_list.find(',', start);
    if (comma == std::string::npos) comma = family_list.size();
    std::string name = lower(trim(family_list.substr(start, comma - start)));
    if (!name.empty()) wanted.push_back(name);
    start = comma + 1;
  }
  std::vector<FontId> candidates;
  for (const std::string& name : wanted) {
    bool mono = name == "monospace" || name == "ui-monospace";
    bool sans = name == "sans-serif" || name == "serif" || name == "system-ui" ||
                name == "ui-sans-serif" || name == "cursive" || name == "fantasy";
    for (FontId id = 0; id < faces_.size(); ++id) {
      const FontFace& f = *faces_[id];
      if (lower(f.family) == name || (mono && f.monospace) || (sans && !f.monospace)) {
        candidates.push_back(id);
      }
    }
    if (!candidates.empty()) break;
  }
  if (candidates.empty()) {
    for (FontId id = 0; id < faces_.size(); ++id) {
      if (!faces_[id]->monospace) candidates.push_back(id);
    }
  }
  if (candidates.empty()) return 0;
  // Nearest weight (CSS prefers heavier for >= 500, lighter below), then style.
  auto cost = [&](FontId id) {
    const FontFace& f = face(id);
    int d = f.weight - weight;
    int wcost = weight >= 500 ? (d >= 0 ? d : 1000 - d) : (d <= 0 ? -d : 1000 + d);
    return wcost + (f.italic != italic ? 5000 : 0);
  };
  return *std::min_element(candidates.begin(), candidates.end(),
                           [&](FontId a, FontId b) { return cost(a) < cost(b); });
}

}  // namespace deckpdf::text
