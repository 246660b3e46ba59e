// style/apply — declarations into a ComputedStyle (see apply.h).
#include "style/apply.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include "source/strings.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

// Properties that decks use but that do not change a printed page, and
// custom properties (`--name`).
bool ignored_property(const std::string& p) {
  static const char* ignored[] = {"box-shadow",
                                  "transition",
                                  "cursor",
                                  "text-shadow",
                                  "letter-spacing",
                                  "word-wrap",
                                  "overflow-wrap",
                                  "hyphens",
                                  "word-spacing",
                                  "box-sizing",
                                  "overflow",
                                  "border-radius",
                                  "font-variant",
                                  "opacity",
                                  "position",
                                  "top",
                                  "left",
                                  "right",
                                  "bottom",
                                  "z-index",
                                  "transform",
                                  "float",
                                  "quotes",
                                  "-webkit-font-smoothing",
                                  "border-collapse",
                                  "border-spacing",
                                  "outline",
                                  "flex"};
  for (const char* name : ignored) {
    if (p == name) return true;
  }
  return p.rfind("--", 0) == 0;
}

}  // namespace

bool Applier::apply(const Declaration& d) {
  std::string v = ascii_lower(trim(d.value));
  if (auto known = font(d, v)) return *known;
  if (auto known = text(d, v)) return *known;
  if (auto known = box(d, v)) return *known;
  return ignored_property(d.property);
}

std::optional<float> Applier::length(std::string_view v, float pct_base) const {
  return parse_length(v, s.font_size, root_size, pct_base);
}

std::optional<bool> Applier::font(const Declaration& d, const std::string& v) {
  const std::string& p = d.property;
  if (p == "font-family") {
    s.font_family = d.value;
    return true;
  }
  if (p == "font-size") {
    static const std::map<std::string, float, std::less<>> named = {
        {"xx-small", 9}, {"x-small", 10}, {"small", 13},   {"medium", 16},
        {"large", 18},   {"x-large", 24}, {"xx-large", 32}};
    if (auto it = named.find(v); it != named.end())
      s.font_size = it->second;
    else if (v == "smaller")
      s.font_size = parent.font_size / 1.2f;
    else if (v == "larger")
      s.font_size = parent.font_size * 1.2f;
    else if (auto l = parse_length(v, parent.font_size, root_size, parent.font_size)) {
      s.font_size = std::max(0.0f, *l);
    } else
      return false;
    return true;
  }
  if (p == "font-weight") {
    if (v == "normal")
      s.font_weight = 400;
    else if (v == "bold")
      s.font_weight = 700;
    else if (v == "bolder")
      s.font_weight = parent.font_weight < 600 ? 700 : 900;
    else if (v == "lighter")
      s.font_weight = parent.font_weight > 500 ? 400 : 100;
    else {
      int w = 0;
      auto r = std::from_chars(v.data(), v.data() + v.size(), w);
      if (r.ec != std::errc() || w < 1 || w > 1000) return false;
      s.font_weight = w;
    }
    return true;
  }
  if (p == "font-style") {
    s.italic = v == "italic" || v == "oblique";
    return v == "italic" || v == "oblique" || v == "normal";
  }
  if (p == "line-height") {
    line_height_set = true;
    if (v == "normal") {
      line_height_factor = 1.2f;
      return true;
    }
    float num = 0;
    auto r = std::from_chars(v.data(), v.data() + v.size(), num);
    if (r.ec == std::errc() && r.ptr == v.data() + v.size()) {
      line_height_factor = num;
      return true;
    }
    if (auto l = length(v, s.font_size)) {
      s.line_height = *l;
      line_height_factor = -1;
      return true;
    }
    return false;
  }
  return std::nullopt;
}

std::optional<bool> Applier::text(const Declaration& d, const std::string& v) {
  const std::string& p = d.property;
  if (p == "color") {
    if (auto c = parse_color(v))
      s.color = *c;
    else
      return false;
    return true;
  }
  if (p == "text-align") {
    if (v == "left" || v == "start")
      s.text_align = TextAlign::Left;
    else if (v == "center")
      s.text_align = TextAlign::Center;
    else if (v == "right" || v == "end")
      s.text_align = TextAlign::Right;
    else if (v == "justify")
      s.text_align = TextAlign::Justify;
    else
      return false;
    return true;
  }
  if (p == "text-transform") {
    if (v == "none")
      s.text_transform = TextTransform::None;
    else if (v == "uppercase")
      s.text_transform = TextTransform::Uppercase;
    else if (v == "lowercase")
      s.text_transform = TextTransform::Lowercase;
    else if (v == "capitalize")
      s.text_transform = TextTransform::Capitalize;
    else
      return false;
    return true;
  }
  if (p == "text-decoration" || p == "text-decoration-line") {
    s.underline = v.find("underline") != std::string::npos;
    s.line_through = v.find("line-through") != std::string::npos;
    return true;
  }
  if (p == "white-space") {
    if (v == "normal")
      s.white_space = WhiteSpace::Normal;
    else if (v == "pre")
      s.white_space = WhiteSpace::Pre;
    else if (v == "pre-wrap")
      s.white_space = WhiteSpace::PreWrap;
    else if (v == "pre-line")
      s.white_space = WhiteSpace::PreLine;
    else if (v == "nowrap")
      s.white_space = WhiteSpace::NoWrap;
    else
      return false;
    return true;
  }
  if (p == "list-style-type" || p == "list-style") {
    static const std::map<std::string, ListStyle, std::less<>> types = {
        {"none", ListStyle::None},
        {"disc", ListStyle::Disc},
        {"circle", ListStyle::Circle},
        {"square", ListStyle::Square},
        {"decimal", ListStyle::Decimal},
        {"lower-alpha", ListStyle::LowerAlpha},
        {"lower-latin", ListStyle::LowerAlpha},
        {"upper-alpha", ListStyle::UpperAlpha},
        {"upper-latin", ListStyle::UpperAlpha},
        {"lower-roman", ListStyle::LowerRoman},
        {"upper-roman", ListStyle::UpperRoman}};
    for (const auto& part : split_values(v)) {
      if (auto it = types.find(part); it != types.end()) {
        s.list_style = it->second;
        return true;
      }
    }
    return p == "list-style";
  }
  if (p == "vertical-align") {
    if (v == "sub")
      s.vertical_align = VerticalAlign::Sub;
    else if (v == "super")
      s.vertical_align = VerticalAlign::Super;
    else
      s.vertical_align = VerticalAlign::Baseline;
    return true;
  }
  return std::nullopt;
}

std::optional<bool> Applier::box(const Declaration& d, const std::string& v) {
  const std::string& p = d.property;
  if (p == "display") {
    if (v == "block" || v == "flex" || v == "grid" || v == "table" || v == "table-row" ||
        v == "table-cell")
      s.display = Display::Block;
    else if (v == "inline")
      s.display = Display::Inline;
    else if (v == "inline-block" || v == "inline-flex")
      s.display = Display::InlineBlock;
    else if (v == "list-item")
      s.display = Display::ListItem;
    else if (v == "none")
      s.display = Display::None;
    else
      return false;
    return true;
  }
  if (p == "background-color" || p == "background") {
    if (v == "none" || v == "transparent") {
      s.background.reset();
      return true;
    }
    if (auto g = gradient_average(v)) {
      s.background = *g;
      return true;
    }
    for (const auto& part : split_values(v)) {
      if (auto c = parse_color(part)) {
        s.background = *c;
        return true;
      }
    }
    return p == "background";  // url(...) images: not drawn for elements
  }
  if (p == "margin" || p == "padding") {
    auto parts = split_values(v);
    if (parts.empty() || parts.size() > 4) return false;
    Edges e;
    float vals[4];
    bool autos[4] = {false, false, false, false};
    for (size_t k = 0; k < parts.size(); ++k) {
      if (parts[k] == "auto" && p == "margin") {
        vals[k] = 0;
        autos[k] = true;
        continue;
      }
      auto l = length(parts[k], 0);
      if (!l) return false;
      vals[k] = *l;
    }
    static const int idx[5][4] = {
        {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
    const int* m = idx[parts.size()];
    e.top = vals[m[0]];
    e.right = vals[m[1]];
    e.bottom = vals[m[2]];
    e.left = vals[m[3]];
    e.auto_right = autos[m[1]];
    e.auto_left = autos[m[3]];
    (p == "margin" ? s.margin : s.padding) = e;
    return true;
  }
  for (const char* box : {"margin", "padding"}) {
    std::string b = box;
    if (p.rfind(b + "-", 0) == 0) {
      Edges& e = b == "margin" ? s.margin : s.padding;
      std::string side = p.substr(b.size() + 1);
      bool is_auto = v == "auto" && b == "margin";
      auto l = is_auto ? std::optional<float>(0) : length(v, 0);
      if (!l) return false;
      if (side == "top")
        e.top = *l;
      else if (side == "bottom")
        e.bottom = *l;
      else if (side == "left") {
        e.left = *l;
        e.auto_left = is_auto;
      } else if (side == "right") {
        e.right = *l;
        e.auto_right = is_auto;
      } else
        return false;
      return true;
    }
  }
  if (p == "width" || p == "max-width" || p == "height" || p == "max-height") {
    std::optional<float>* px = p == "width"       ? &s.width
                               : p == "max-width" ? &s.max_width
                               : p == "height"    ? &s.height
                                                  : &s.max_height;
    std::optional<float>* pct = p == "width"        ? &s.width_pct
                                : p == "max-width"  ? &s.max_width_pct
                                : p == "max-height" ? &s.max_height_pct
                                                    : nullptr;
    if (v == "auto" || v == "none") {
      px->reset();
      if (pct) pct->reset();
      return true;
    }
    if (is_percentage(v)) {
      if (!pct) return true;
      *pct = parse_number(v, 100);
      return true;
    }
    if (auto l = length(v, 0)) {
      *px = *l;
      return true;
    }
    return false;
  }
  if (p == "border-bottom") {
    for (const auto& part : split_values(v)) {
      if (auto l = length(part, 0))
        s.border_bottom_width = *l;
      else if (auto c = parse_color(part))
        s.border_bottom_color = *c;
      else if (part == "none")
        s.border_bottom_width = 0;
    }
    return true;
  }
  if (p == "border" || p == "border-width" || p == "border-color") {
    for (const auto& part : split_values(v)) {
      if (auto l = length(part, 0))
        s.border_width = *l;
      else if (auto c = parse_color(part))
        s.border_color = *c;
      else if (part == "none")
        s.border_width = 0;
    }
    return true;
  }
  return std::nullopt;
}

}  // namespace deckpdf::style
