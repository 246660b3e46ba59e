#include "text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include FT_TRUETYPE_TABLES_H
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "source/strings.h"
#include "text/cff.h"
#include "text/woff.h"

namespace deckpdf::text {

namespace fs = std::filesystem;

namespace {

// `s` without spaces, tabs and quotes at either end: a family name as a
// CSS font-family list may quote it ("'Fira Sans'").
std::string unquote(const std::string& s) {
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

// The files a fonts folder's faces are read from: sfnt (TrueType,
// OpenType, collections) and the web fonts that wrap one.
bool is_font_file(const fs::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  return ext == ".ttf" || ext == ".otf" || ext == ".woff" || ext == ".woff2";
}

}  // namespace

int FontFace::glyph_advance(uint32_t glyph) const {
  return static_cast<int>(hb_font_get_glyph_h_advance(hb_font, glyph));
}

bool FontFace::color_bitmap(uint32_t glyph, Bitmap& out) const {
  if (!color_bitmaps || !ft_face || ft_face->num_fixed_sizes < 1) return false;
  // The largest strike gives the sharpest picture when scaled down.
  int best = 0;
  for (int i = 1; i < ft_face->num_fixed_sizes; ++i) {
    if (ft_face->available_sizes[i].y_ppem > ft_face->available_sizes[best].y_ppem) best = i;
  }
  if (FT_Select_Size(ft_face, best) != 0) return false;
  if (FT_Load_Glyph(ft_face, glyph, FT_LOAD_COLOR) != 0) return false;
  FT_GlyphSlot slot = ft_face->glyph;
  const FT_Bitmap& bm = slot->bitmap;
  if (bm.pixel_mode != FT_PIXEL_MODE_BGRA || bm.width == 0 || bm.rows == 0) return false;
  // Emoji strikes are small (136 px); refuse anything absurd.
  if (bm.width > 4096 || bm.rows > 4096) return false;
  out.width = static_cast<int>(bm.width);
  out.height = static_cast<int>(bm.rows);
  out.left = static_cast<float>(slot->bitmap_left);
  out.top = static_cast<float>(slot->bitmap_top);
  out.ppem = static_cast<float>(ft_face->size->metrics.y_ppem);
  out.rgba.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 4);
  for (int y = 0; y < out.height; ++y) {
    const unsigned char* row = bm.buffer + static_cast<ptrdiff_t>(y) * bm.pitch;
    for (int x = 0; x < out.width; ++x) {
      unsigned b = row[x * 4], g = row[x * 4 + 1], r = row[x * 4 + 2], a = row[x * 4 + 3];
      uint8_t* px = &out.rgba[(static_cast<size_t>(y) * static_cast<size_t>(out.width) +
                               static_cast<size_t>(x)) *
                              4];
      // FreeType's BGRA is premultiplied.
      px[0] = static_cast<uint8_t>(a ? std::min(255u, r * 255 / a) : 0);
      px[1] = static_cast<uint8_t>(a ? std::min(255u, g * 255 / a) : 0);
      px[2] = static_cast<uint8_t>(a ? std::min(255u, b * 255 / a) : 0);
      px[3] = static_cast<uint8_t>(a);
    }
  }
  return true;
}

bool FontFace::has_codepoint(uint32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(hb_font, cp, &g) && g != 0;
}

// The system's fonts in fontconfig's order of preference for sans-serif,
// with their coverage; asked once, on the first fallback.
struct FontSet::SystemList {
  struct Entry {
    std::string file;
    int index = 0;
    std::string family;
    int weight = 400;  // CSS / OpenType scale
    bool italic = false;
    FcCharSet* charset = nullptr;
    bool color = false;
  };
  FcFontSet* set = nullptr;
  std::vector<Entry> entries;
  ~SystemList() {
    if (set) FcFontSetDestroy(set);
  }
};

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

bool FontSet::load_file(const std::string& path, std::string& error, unsigned index) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) {
    error = "cannot read font file '" + path + "'";
    return false;
  }
  unsigned len = 0;
  if (const char* bytes = hb_blob_get_data(blob, &len);
      web_font_kind({bytes, len}) != WebFont::None) {
    // A web font: its sfnt, decoded once, is what every reader sees.
    auto* sfnt = new std::string();
    std::string why;
    bool ok = decode_web_font({bytes, len}, *sfnt, why);
    hb_blob_destroy(blob);
    if (!ok) {
      delete sfnt;
      error = "'" + path + "': " + why;
      return false;
    }
    blob =
        hb_blob_create(sfnt->data(), static_cast<unsigned>(sfnt->size()), HB_MEMORY_MODE_READONLY,
                       sfnt, [](void* p) { delete static_cast<std::string*>(p); });
  }
  const char* data = hb_blob_get_data(blob, &len);
  FT_Face ft = nullptr;
  if (FT_New_Memory_Face(ft_, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(len),
                         static_cast<FT_Long>(index), &ft) != 0 ||
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
  f->index = index & 0xFFFF;
  f->hb_face = hb_face_create(blob, f->index);
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
  auto has_table = [&](const char* tag) {
    hb_blob_t* t = hb_face_reference_table(f->hb_face, hb_tag_from_string(tag, 4));
    bool present = hb_blob_get_length(t) > 0;
    hb_blob_destroy(t);
    return present;
  };
  // CFF2 (variable CFF) has no PDF font type: such a face is not drawn with.
  f->cff = !has_table("glyf") && has_table("CFF ");
  f->outlines = has_table("glyf");
  if (f->cff) {
    hb_blob_t* t = hb_face_reference_table(f->hb_face, HB_TAG('C', 'F', 'F', ' '));
    unsigned n = 0;
    const char* bytes = hb_blob_get_data(t, &n);
    CffKeying keying = cff_keying({bytes, n});
    hb_blob_destroy(t);
    // A CID-keyed face whose CIDs are not its glyph ids cannot be drawn by
    // glyph id: it is left to other faces.
    f->cid_keyed = keying == CffKeying::CidIdentity;
    f->outlines = keying == CffKeying::Name || keying == CffKeying::CidIdentity;
  }
  f->color_bitmaps = has_table("CBDT") && has_table("CBLC");
  if (f->color_bitmaps && f->ascender == 0) f->ascender = static_cast<int>(f->units_per_em * 0.95);
  f->bbox[0] = static_cast<int>(ft->bbox.xMin);
  f->bbox[1] = static_cast<int>(ft->bbox.yMin);
  f->bbox[2] = static_cast<int>(ft->bbox.xMax);
  f->bbox[3] = static_cast<int>(ft->bbox.yMax);
  if (!f->outlines && !f->color_bitmaps) {
    error = "'" + path + "' has no outlines a PDF can embed (TrueType or CFF; not CFF2)";
    hb_font_destroy(f->hb_font);
    hb_face_destroy(f->hb_face);
    FT_Done_Face(f->ft_face);
    hb_blob_destroy(f->blob);
    return false;
  }
  if (index >> 16) set_instance(*f, (index >> 16) - 1);
  faces_.push_back(std::move(f));
  return true;
}

bool FontSet::load_dir(const std::string& dir, std::string& error) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (is_font_file(entry.path())) files.push_back(entry.path());
  }
  if (ec) {
    error = "cannot read the fonts folder '" + dir + "': " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());  // same order on every machine
  for (const auto& p : files) {
    std::string e;
    if (!load_file(p.string(), e)) {
      error = e;
    } else {
      load_instances(static_cast<FontId>(faces_.size() - 1));
    }
  }
  if (faces_.empty()) {
    if (error.empty()) error = "no fonts in '" + dir + "'";
    return false;
  }
  return true;
}

void FontSet::load_families(const std::string& dir, const std::vector<std::string>& family_lists) {
  for (const std::string& list : family_lists) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      std::string slug = ascii_lower(unquote(list.substr(start, comma - start)));
      start = comma + 1;
      // Only letters, digits and '-' name a folder: a family from a deck
      // cannot reach anything else.
      for (char& c : slug) {
        if (c == ' ') c = '-';
      }
      bool plain = !slug.empty() && std::all_of(slug.begin(), slug.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      });
      if (!plain || loaded_families_.size() >= 256 ||
          std::find(loaded_families_.begin(), loaded_families_.end(), slug) !=
              loaded_families_.end()) {
        continue;
      }
      loaded_families_.push_back(slug);
      std::error_code ec;
      fs::path folder = fs::path(dir) / slug;
      if (!fs::is_directory(folder, ec)) continue;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (is_font_file(entry.path())) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& p : files) {
        std::string ignored;  // a face that does not load is not drawn with
        if (load_file(p.string(), ignored)) load_instances(static_cast<FontId>(faces_.size() - 1));
      }
    }
  }
  match_cache_.clear();
}

std::optional<FontId> FontSet::fallback(const std::vector<uint32_t>& cps, FontId preferred,
                                        bool emoji) {
  if (cps.empty()) return std::nullopt;
  const FontFace& want = face(preferred);
  std::string& key = fallback_key_;
  key.clear();
  uint32_t style = (static_cast<uint32_t>(want.weight) << 3) | (want.italic ? 1u : 0u) |
                   (want.monospace ? 2u : 0u) | (emoji ? 4u : 0u);
  key.append(reinterpret_cast<const char*>(&style), sizeof style);
  key.append(reinterpret_cast<const char*>(cps.data()), cps.size() * sizeof(uint32_t));
  auto cached = fallback_cache_.find(key);
  if (cached != fallback_cache_.end()) return cached->second;
  uint32_t cp = cps[0];
  std::optional<FontId> found;
  // Bundled faces first: one that has the whole run, then nearest in style.
  int best = 1 << 30;
  for (FontId id = 0; id < faces_.size() && !emoji; ++id) {  // bundled faces have no colour
    const FontFace& f = *faces_[id];
    if (!f.bundled || id == preferred || !f.has_codepoint(cp)) continue;
    bool all = std::all_of(cps.begin(), cps.end(), [&](uint32_t c) { return f.has_codepoint(c); });
    int cost = std::abs(f.weight - want.weight) + (f.italic != want.italic ? 2000 : 0) +
               (f.monospace != want.monospace ? 4000 : 0) + (all ? 0 : 8000);
    if (cost < best) {
      best = cost;
      found = id;
    }
  }
  if (emoji && system_fallback_) {
    if (auto colour = system_face(cps, true, want)) found = colour;
  }
  if (found && !emoji && best >= 8000 && system_fallback_) {
    // A bundled face has the first character only: a system face with the
    // whole run is better than changing faces inside it.
    auto whole = system_face(cps, false, want);
    if (whole && std::all_of(cps.begin(), cps.end(),
                             [&](uint32_t c) { return faces_[*whole]->has_codepoint(c); })) {
      found = whole;
    }
  }
  if (!found && system_fallback_) found = system_face(cps, false, want);
  fallback_cache_[key] = found;
  return found;
}

void FontSet::list_system_faces() {
  system_ = std::make_unique<SystemList>();
  FcConfig* config = FcConfigGetCurrent();  // loads the configuration once
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  FcConfigSubstitute(config, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result;
  system_->set = FcFontSort(config, pat, FcFalse, nullptr, &result);
  FcPatternDestroy(pat);
  for (int i = 0; system_->set && i < system_->set->nfont; ++i) {
    FcPattern* font = system_->set->fonts[i];
    FcChar8* file = nullptr;
    FcChar8* format = nullptr;
    FcChar8* family = nullptr;
    FcCharSet* charset = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) {
      continue;
    }
    // TrueType (glyf or colour bitmaps) and OpenType CFF faces, alone or in
    // collections; Type 1, PCF and other formats are not embedded.
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) continue;
    std::string fmt = reinterpret_cast<char*>(format);
    if (fmt != "TrueType" && fmt != "CFF") continue;
    SystemList::Entry e;
    e.file = reinterpret_cast<char*>(file);
    e.charset = charset;
    FcPatternGetInteger(font, FC_INDEX, 0, &e.index);
    if (FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch) {
      e.family = reinterpret_cast<char*>(family);
    }
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(font, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(font, FC_SLANT, 0, &slant);
    e.weight = FcWeightToOpenType(weight);
    e.italic = slant != FC_SLANT_ROMAN;
    FcBool is_color = FcFalse;
    FcPatternGetBool(font, FC_COLOR, 0, &is_color);
    e.color = is_color == FcTrue;
    system_->entries.push_back(std::move(e));
  }
}

std::optional<FontId> FontSet::system_face(const std::vector<uint32_t>& cps, bool emoji,
                                           const FontFace& want) {
  if (!system_) list_system_faces();
  const auto& entries = system_->entries;
  auto has_all = [&](const SystemList::Entry& e) {
    return std::all_of(cps.begin(), cps.end(),
                       [&](uint32_t c) { return FcCharSetHasChar(e.charset, c) == FcTrue; });
  };
  // Fontconfig's order, faces with the whole run first.
  std::vector<size_t> order;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].color == emoji && FcCharSetHasChar(entries[i].charset, cps[0]) &&
        has_all(entries[i])) {
      order.push_back(i);
    }
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].color == emoji && FcCharSetHasChar(entries[i].charset, cps[0]) &&
        !has_all(entries[i])) {
      order.push_back(i);
    }
  }
  for (size_t first : order) {
    // The face of that family nearest the weight and style asked for.
    size_t pick = first;
    auto cost = [&](const SystemList::Entry& e) {
      return std::abs(e.weight - want.weight) + (e.italic != want.italic ? 2000 : 0);
    };
    for (size_t i = 0; i < entries.size(); ++i) {
      const SystemList::Entry& e = entries[i];
      if (e.family == entries[first].family && e.color == emoji && cost(e) < cost(entries[pick]) &&
          FcCharSetHasChar(e.charset, cps[0]) && (has_all(e) || !has_all(entries[first]))) {
        pick = i;
      }
    }
    for (size_t i : {pick, first}) {
      const SystemList::Entry& e = entries[i];
      std::string key = e.file + "#" + std::to_string(e.index);
      FontId id;
      if (auto it = loaded_files_.find(key); it != loaded_files_.end()) {
        id = it->second;
      } else {
        std::string error;
        if (!load_file(e.file, error, static_cast<unsigned>(e.index))) continue;
        id = static_cast<FontId>(faces_.size() - 1);
        faces_[id]->bundled = false;
        loaded_files_[key] = id;
      }
      // Outlines are embedded as a font; colour bitmaps are drawn as images.
      const FontFace& f = *faces_[id];
      if ((f.outlines || f.color_bitmaps) && f.has_codepoint(cps[0])) return id;
    }
  }
  return std::nullopt;
}

namespace {

std::string match_key(const std::string& family_list, int weight, bool italic) {
  std::string key = family_list;
  key += '\0';
  key += std::to_string(weight);
  key += italic ? 'i' : 'n';
  return key;
}

}  // namespace

FontId FontSet::match(const std::string& family_list, int weight, bool italic) const {
  std::string key = match_key(family_list, weight, italic);
  if (auto hit = match_cache_.find(key); hit != match_cache_.end()) return hit->second;
  FontId found = match_uncached(family_list, weight, italic);
  match_cache_.emplace(std::move(key), found);
  return found;
}

FontId FontSet::match_peek(const std::string& family_list, int weight, bool italic) const {
  if (auto hit = match_cache_.find(match_key(family_list, weight, italic));
      hit != match_cache_.end()) {
    return hit->second;
  }
  return match_uncached(family_list, weight, italic);
}

FontId FontSet::match_uncached(const std::string& family_list, int weight, bool italic) const {
  // Candidate families in order of preference.
  std::vector<std::string> wanted;
  size_t start = 0;
  while (start <= family_list.size()) {
    size_t comma = family_list.find(',', start);
    if (comma == std::string::npos) comma = family_list.size();
    std::string name = ascii_lower(unquote(family_list.substr(start, comma - start)));
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
      bool generic = f.bundled && ((mono && f.monospace) || (sans && !f.monospace));
      if (ascii_lower(f.family) == name || generic) {
        candidates.push_back(id);
      }
    }
    if (!candidates.empty()) break;
  }
  if (candidates.empty()) {
    for (FontId id = 0; id < faces_.size(); ++id) {
      if (faces_[id]->bundled && !faces_[id]->monospace) candidates.push_back(id);
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
