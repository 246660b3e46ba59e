// text/font_instances — the named instances of variable faces.
//
// A variable face (one file, a 'wght' axis from 200 to 900) stands for the
// faces its fvar table names: "SemiBold" at wght 600, and so on. Each named
// instance becomes a FontFace of its own with that weight, so matching by
// weight works as for static faces, and `font-weight: 600` draws the
// semibold: HarfBuzz shapes and measures at the instance's coordinates, and
// pdf/ has hb-subset pin every axis there (a static subset).
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cmath>

#include "source/strings.h"
#include "text/font_set.h"

namespace deckpdf::text {

namespace {

std::string name_of(hb_face_t* face, hb_ot_name_id_t id) {
  char buf[256];
  unsigned len = sizeof buf;
  if (id == HB_OT_NAME_ID_INVALID ||
      hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, buf) == 0) {
    return {};
  }
  return std::string(buf, std::min<size_t>(len, sizeof buf - 1));
}

constexpr unsigned kMaxInstances = 64;  // fvar may name thousands; a family needs a few

}  // namespace

void FontSet::set_instance(FontFace& f, unsigned instance) {
  hb_font_set_var_named_instance(f.hb_font, instance);
  unsigned count = hb_ot_var_get_axis_count(f.hb_face);
  std::vector<hb_ot_var_axis_info_t> axes(count);
  hb_ot_var_get_axis_infos(f.hb_face, 0, &count, axes.data());
  std::vector<float> coords(count);
  unsigned n = count;
  hb_ot_var_named_instance_get_design_coords(f.hb_face, instance, &n, coords.data());
  f.variations.clear();
  for (unsigned i = 0; i < std::min(n, count); ++i) {
    f.variations.emplace_back(axes[i].tag, coords[i]);
    if (axes[i].tag == HB_TAG('w', 'g', 'h', 't')) {
      f.weight = static_cast<int>(std::lround(std::clamp(coords[i], 1.0f, 1000.0f)));
    } else if (axes[i].tag == HB_TAG('i', 't', 'a', 'l')) {
      f.italic = coords[i] >= 0.5f;
    } else if (axes[i].tag == HB_TAG('s', 'l', 'n', 't')) {
      f.italic = f.italic || coords[i] != 0;
      f.italic_angle = coords[i];
    }
  }
  std::string sub =
      name_of(f.hb_face, hb_ot_var_named_instance_get_subfamily_name_id(f.hb_face, instance));
  if (ascii_lower(sub).find("italic") != std::string::npos) f.italic = true;
  std::string ps =
      name_of(f.hb_face, hb_ot_var_named_instance_get_postscript_name_id(f.hb_face, instance));
  if (ps.empty()) {
    // PostScript names have no spaces: "SourceSans3-Roman" + "-SemiBold".
    std::string suffix;
    for (char c : sub) {
      if (c != ' ') suffix.push_back(c);
    }
    ps = f.postscript + "-" + suffix;
  }
  f.postscript = ps;
}

void FontSet::load_instances(FontId id) {
  FontFace& base = *faces_[id];  // stays put: faces_ holds pointers
  if (!hb_ot_var_has_data(base.hb_face)) return;
  unsigned count = std::min(hb_ot_var_get_named_instance_count(base.hb_face), kMaxInstances);
  unsigned axis_count = hb_ot_var_get_axis_count(base.hb_face);
  std::vector<hb_ot_var_axis_info_t> axes(axis_count);
  hb_ot_var_get_axis_infos(base.hb_face, 0, &axis_count, axes.data());
  auto is_default = [&](unsigned i) {
    std::vector<float> coords(axis_count);
    unsigned n = axis_count;
    hb_ot_var_named_instance_get_design_coords(base.hb_face, i, &n, coords.data());
    for (unsigned a = 0; a < std::min(n, axis_count); ++a) {
      if (coords[a] != axes[a].default_value) return false;
    }
    return true;
  };
  for (unsigned i = 0; i < count; ++i) {
    if (!is_default(i)) continue;
    // The family as CSS names it: a variable file's name table may call it
    // after its default instance ("Source Sans 3 ExtraLight").
    std::string sub = " " + name_of(base.hb_face, hb_ot_var_named_instance_get_subfamily_name_id(
                                                      base.hb_face, i));
    if (sub.size() > 1 && base.family.size() > sub.size() && base.family.ends_with(sub)) {
      base.family.resize(base.family.size() - sub.size());
    }
  }
  for (unsigned i = 0; i < count; ++i) {
    if (is_default(i)) continue;  // that one is `base`
    unsigned len = 0;
    const char* data = hb_blob_get_data(base.blob, &len);
    FT_Face ft = nullptr;
    if (FT_New_Memory_Face(ft_, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(len),
                           static_cast<FT_Long>(base.index | ((i + 1) << 16)), &ft) != 0) {
      continue;
    }
    // The default's names and metrics, then the instance's own.
    auto f = std::make_unique<FontFace>(base);
    f->blob = hb_blob_reference(base.blob);
    f->hb_face = hb_face_reference(base.hb_face);
    f->hb_font = hb_font_create(f->hb_face);
    hb_font_set_scale(f->hb_font, static_cast<int>(f->units_per_em),
                      static_cast<int>(f->units_per_em));
    f->ft_face = ft;
    set_instance(*f, i);
    faces_.push_back(std::move(f));
  }
  match_cache_.clear();
}

}  // namespace deckpdf::text
