// style/paint — reading gradients, shadows and radii (see paint.h), and
// the declarations that set them on a ComputedStyle.
#include "style/paint.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "source/strings.h"
#include "style/apply.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

// At most this many shadows on a box and stops in a gradient: each is
// items and PDF objects, and a hostile theme could give thousands.
constexpr size_t max_shadows = 16, max_stops = 256;

// A finite length in px (from_chars reads "inf" and "nan" too).
std::optional<float> finite_length(std::string_view v, float em, float rem) {
  auto l = parse_length(v, em, rem, 0);
  if (!l || !std::isfinite(*l)) return std::nullopt;
  return l;
}

std::optional<LengthPct> length_pct(std::string_view v, float em, float rem) {
  if (is_percentage(v)) {
    float n = parse_number(v, NAN);
    if (!std::isfinite(n)) return std::nullopt;
    return LengthPct{n, true};
  }
  if (auto l = finite_length(v, em, rem)) return LengthPct{*l, false};
  return std::nullopt;
}

// An angle in degrees: deg, rad, grad, turn.
std::optional<float> angle(std::string_view v) {
  struct Unit {
    std::string_view name;
    float to_deg;
  };
  static constexpr Unit units[] = {{"deg", 1}, {"grad", 0.9f}, {"rad", 57.29578f}, {"turn", 360}};
  for (const Unit& u : units) {
    if (v.size() > u.name.size() && v.substr(v.size() - u.name.size()) == u.name) {
      float n = parse_number(v.substr(0, v.size() - u.name.size()), NAN);
      if (std::isnan(n)) return std::nullopt;
      return n * u.to_deg;
    }
  }
  return std::nullopt;
}

// `to left top` etc. into (dx, dy); false when a word is not a side.
bool direction(const std::vector<std::string>& words, int& dx, int& dy) {
  for (size_t k = 1; k < words.size(); ++k) {
    const std::string& w = words[k];
    if (w == "left")
      dx = -1;
    else if (w == "right")
      dx = 1;
    else if (w == "top")
      dy = -1;
    else if (w == "bottom")
      dy = 1;
    else
      return false;
  }
  return dx != 0 || dy != 0;
}

// A position's one coordinate: a keyword or a length.
std::optional<LengthPct> position_part(const std::string& w, float em, float rem) {
  if (w == "left" || w == "top") return LengthPct{0, true};
  if (w == "center") return LengthPct{50, true};
  if (w == "right" || w == "bottom") return LengthPct{100, true};
  return length_pct(w, em, rem);
}

// The radial gradient's first argument: shape, size, `at` position.
bool radial_head(const std::vector<std::string>& words, CssGradient& g, float em, float rem) {
  size_t at = std::find(words.begin(), words.end(), "at") - words.begin();
  std::vector<LengthPct> sizes;
  for (size_t k = 0; k < at; ++k) {
    const std::string& w = words[k];
    if (w == "circle") {
      g.circle = true;
    } else if (w == "ellipse") {
      g.circle = false;
    } else if (w == "closest-side") {
      g.extent = CssGradient::Extent::ClosestSide;
    } else if (w == "farthest-side") {
      g.extent = CssGradient::Extent::FarthestSide;
    } else if (w == "closest-corner") {
      g.extent = CssGradient::Extent::ClosestCorner;
    } else if (w == "farthest-corner") {
      g.extent = CssGradient::Extent::FarthestCorner;
    } else if (auto l = length_pct(w, em, rem)) {
      sizes.push_back(*l);
    } else {
      return false;
    }
  }
  if (sizes.size() == 1) {
    g.extent = CssGradient::Extent::Explicit;
    g.circle = true;
    g.rx = g.ry = sizes[0];
  } else if (sizes.size() == 2) {
    g.extent = CssGradient::Extent::Explicit;
    g.circle = false;
    g.rx = sizes[0];
    g.ry = sizes[1];
  } else if (sizes.size() > 2) {
    return false;
  }
  if (at == words.size()) return true;
  std::vector<std::string> pos(words.begin() + static_cast<long>(at) + 1, words.end());
  if (pos.empty() || pos.size() > 2) return false;
  // One keyword of the vertical axis alone (`at top`) moves y only.
  if (pos.size() == 1 && (pos[0] == "top" || pos[0] == "bottom")) pos.insert(pos.begin(), "center");
  if (pos.size() == 2 && (pos[0] == "top" || pos[0] == "bottom")) std::swap(pos[0], pos[1]);
  auto x = position_part(pos[0], em, rem);
  auto y = pos.size() == 2 ? position_part(pos[1], em, rem) : LengthPct{50, true};
  if (!x || !y) return false;
  g.cx = *x;
  g.cy = *y;
  return true;
}

// A shadow's parts: two to four lengths and a colour, in any order of the
// two groups; `inset` is reported.
std::optional<Shadow> shadow(std::string_view v, float em, float rem, const Color& current,
                             bool& inset) {
  Shadow s;
  s.color = current;
  std::vector<float> lengths;
  inset = false;
  for (const std::string& part : split_values(v)) {
    if (part == "inset") {
      inset = true;
    } else if (auto l = finite_length(part, em, rem)) {
      lengths.push_back(*l);
    } else if (part == "currentcolor") {
      s.color = current;
    } else if (auto c = parse_color(part)) {
      s.color = *c;
    } else {
      return std::nullopt;
    }
  }
  if (lengths.size() < 2 || lengths.size() > 4) return std::nullopt;
  s.x = lengths[0];
  s.y = lengths[1];
  if (lengths.size() > 2) s.blur = std::max(0.0f, lengths[2]);
  if (lengths.size() > 3) s.spread = lengths[3];
  return s;
}

}  // namespace

std::optional<CssGradient> parse_gradient(std::string_view value, float em, float rem) {
  std::string v(trim(value));
  CssGradient g;
  std::string_view rest;
  for (std::string_view name :
       {"linear-gradient(", "radial-gradient(", "-webkit-linear-gradient(",
        "-webkit-radial-gradient(", "repeating-linear-gradient(", "repeating-radial-gradient("}) {
    if (v.rfind(name, 0) == 0) {
      g.radial = name.find("radial") != std::string_view::npos;
      rest = std::string_view(v).substr(name.size());
      break;
    }
  }
  if (rest.empty() || v.back() != ')') return std::nullopt;
  rest.remove_suffix(1);
  std::vector<std::string> args = split_commas(rest);
  size_t first_stop = 0;
  if (!args.empty()) {
    std::vector<std::string> head = split_values(args[0]);
    if (!head.empty() && !parse_color(head[0])) {
      first_stop = 1;
      if (g.radial) {
        if (!radial_head(head, g, em, rem)) return std::nullopt;
      } else if (head[0] == "to") {
        if (!direction(head, g.to_x, g.to_y)) return std::nullopt;
      } else if (auto a = angle(head[0]); a && head.size() == 1) {
        g.angle = *a;
      } else {
        return std::nullopt;
      }
    }
  }
  for (size_t k = first_stop; k < args.size(); ++k) {
    std::vector<std::string> parts = split_values(args[k]);
    if (parts.empty()) return std::nullopt;
    auto c = parse_color(parts[0]);
    if (!c) {
      // A bare position is a colour hint, which deckpdf draws as the
      // midpoint it is by default.
      if (parts.size() == 1 && length_pct(parts[0], em, rem)) continue;
      return std::nullopt;
    }
    // `red 10% 30%` is two stops of one colour.
    if (parts.size() == 1) g.stops.push_back({*c, std::nullopt});
    for (size_t p = 1; p < parts.size() && p < 3; ++p) {
      auto at = length_pct(parts[p], em, rem);
      if (!at) return std::nullopt;
      g.stops.push_back({*c, *at});
    }
  }
  if (g.stops.size() > max_stops) g.stops.resize(max_stops);
  if (g.stops.size() == 1) g.stops.push_back(g.stops.front());
  if (g.stops.size() < 2) return std::nullopt;
  return g;
}

std::optional<std::vector<Shadow>> parse_box_shadows(std::string_view value, float em, float rem,
                                                     const Color& current) {
  std::vector<Shadow> out;
  for (const std::string& one : split_commas(value)) {
    bool inset = false;
    auto s = shadow(one, em, rem, current, inset);
    if (!s) return std::nullopt;
    if (!inset && out.size() < max_shadows) out.push_back(*s);
  }
  return out;
}

std::optional<TextShadow> parse_text_shadow(std::string_view value, float em, float rem,
                                            const Color& current) {
  if (trim(value) == "none") return TextShadow{};
  std::vector<std::string> list = split_commas(value);
  bool inset = false;
  auto s = shadow(list.front(), em, rem, current, inset);
  if (!s || inset || s->spread != 0) return std::nullopt;
  return TextShadow{s->x, s->y, s->blur, s->color};
}

std::optional<Radii> parse_radii(std::string_view value, float em, float rem) {
  std::string_view horizontal = value.substr(0, value.find('/'));
  std::vector<std::string> parts = split_values(horizontal);
  if (parts.empty() || parts.size() > 4) return std::nullopt;
  LengthPct vals[4];
  for (size_t k = 0; k < parts.size(); ++k) {
    auto l = length_pct(parts[k], em, rem);
    if (!l || l->value < 0) return std::nullopt;
    vals[k] = *l;
  }
  // 1: all; 2: tl+br, tr+bl; 3: tl, tr+bl, br; 4: each.
  static const int idx[5][4] = {
      {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
  Radii r;
  for (int c = 0; c < 4; ++c) r.corner[c] = vals[idx[parts.size()][c]];
  return r;
}

std::optional<bool> Applier::paint(const Declaration& d, const std::string& v) {
  const std::string& p = d.property;
  float em = s.font_size;
  if (p == "opacity") {
    float o = parse_number(v, NAN);
    if (!std::isfinite(o)) return false;
    if (is_percentage(v)) o /= 100;
    s.opacity = std::clamp(o, 0.0f, 1.0f);
    return true;
  }
  if (p == "box-shadow") {
    if (v == "none") {
      s.box_shadow.clear();
      return true;
    }
    auto list = parse_box_shadows(v, em, root_size, s.color);
    if (list) s.box_shadow = std::move(*list);
    return list.has_value();
  }
  if (p == "text-shadow") {
    auto t = parse_text_shadow(v, em, root_size, s.color);
    if (t) s.text_shadow = *t;
    return t.has_value();
  }
  if (p == "border-radius") {
    auto r = parse_radii(v, em, root_size);
    if (r) s.border_radius = *r;
    return r.has_value();
  }
  static const char* corners[4] = {"border-top-left-radius", "border-top-right-radius",
                                   "border-bottom-right-radius", "border-bottom-left-radius"};
  for (int c = 0; c < 4; ++c) {
    if (p != corners[c]) continue;
    auto r = parse_radii(v, em, root_size);
    if (r) s.border_radius.corner[c] = r->corner[0];
    return r.has_value();
  }
  if (p == "background-image") {
    if (v == "none") {
      s.background_gradient.reset();
      return true;
    }
    auto g = parse_gradient(v, em, root_size);
    if (g) s.background_gradient = std::move(*g);
    return g.has_value();  // url(...) pictures: not drawn for elements, so reported
  }
  return std::nullopt;
}

}  // namespace deckpdf::style
