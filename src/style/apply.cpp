// style/apply — declarations into a ComputedStyle (see apply.h).
#include "style/apply.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "source/strings.h"
#include "style/paint.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

// The keyword properties: one table each, keyword -> value.
constexpr KeywordTable<float> font_size_keywords[] = {
    {"xx-small", 9}, {"x-small", 10}, {"small", 13},   {"medium", 16},
    {"large", 18},   {"x-large", 24}, {"xx-large", 32}};
// (`bolder` and `lighter` depend on the parent's weight.)
constexpr KeywordTable<int> font_weight_keywords[] = {{"normal", 400}, {"bold", 700}};
constexpr KeywordTable<bool> font_style_keywords[] = {  // italic?
    {"normal", false},
    {"italic", true},
    {"oblique", true}};
constexpr KeywordTable<TextAlign> text_align_keywords[] = {
    {"left", TextAlign::Left},   {"start", TextAlign::Left}, {"center", TextAlign::Center},
    {"right", TextAlign::Right}, {"end", TextAlign::Right},  {"justify", TextAlign::Justify}};
constexpr KeywordTable<TextTransform> text_transform_keywords[] = {
    {"none", TextTransform::None},
    {"uppercase", TextTransform::Uppercase},
    {"lowercase", TextTransform::Lowercase},
    {"capitalize", TextTransform::Capitalize}};
constexpr KeywordTable<WhiteSpace> white_space_keywords[] = {{"normal", WhiteSpace::Normal},
                                                             {"pre", WhiteSpace::Pre},
                                                             {"pre-wrap", WhiteSpace::PreWrap},
                                                             {"pre-line", WhiteSpace::PreLine},
                                                             {"nowrap", WhiteSpace::NoWrap}};
constexpr KeywordTable<ListStyle> list_style_keywords[] = {{"none", ListStyle::None},
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
// Any other value is the baseline.
constexpr KeywordTable<VerticalAlign> vertical_align_keywords[] = {
    {"baseline", VerticalAlign::Baseline}, {"sub", VerticalAlign::Sub},
    {"super", VerticalAlign::Super},       {"middle", VerticalAlign::Middle},
    {"top", VerticalAlign::Top},           {"bottom", VerticalAlign::Bottom},
    {"text-top", VerticalAlign::TextTop},  {"text-bottom", VerticalAlign::TextBottom}};
// Tables are laid out as blocks.
constexpr KeywordTable<Display> display_keywords[] = {{"block", Display::Block},
                                                      {"flex", Display::Flex},
                                                      {"grid", Display::Grid},
                                                      {"inline-grid", Display::InlineGrid},
                                                      {"table", Display::Block},
                                                      {"table-row", Display::Block},
                                                      {"table-cell", Display::Block},
                                                      {"inline", Display::Inline},
                                                      {"inline-block", Display::InlineBlock},
                                                      {"inline-flex", Display::InlineFlex},
                                                      {"list-item", Display::ListItem},
                                                      {"none", Display::None}};

// Sets `field` to what keyword `v` means in `table`; false when it lists
// no such keyword (the field is kept).
template <class T, size_t N>
bool set_keyword(T& field, const KeywordTable<T> (&table)[N], std::string_view v) {
  auto value = keyword(table, v);
  if (value) field = *value;
  return value.has_value();
}

// Properties that decks use but that do not change a printed page, and
// custom properties (`--name`).
bool ignored_property(const std::string& p) {
  static const char* ignored[] = {"transition",      "cursor",
                                  "letter-spacing",  "word-wrap",
                                  "overflow-wrap",   "hyphens",
                                  "word-spacing",    "box-sizing",
                                  "overflow",        "font-variant",
                                  "z-index",         "transform",
                                  "quotes",          "-webkit-font-smoothing",
                                  "border-collapse", "border-spacing",
                                  "outline"};
  for (const char* name : ignored) {
    if (p == name) return true;
  }
  return p.rfind("--", 0) == 0;
}

}  // namespace

bool Applier::apply(const Declaration& d) {
  std::string v = ascii_lower(trim(d.value));
  ignored = false;
  known = true;
  if (auto ok = font(d, v)) return *ok;
  if (auto ok = text(d, v)) return *ok;
  if (auto ok = box(d, v)) return *ok;
  if (auto ok = paint(d, v)) return *ok;
  if (auto ok = placement(d, v)) return *ok;
  known = false;
  ignored = ignored_property(d.property);
  return ignored;
}

void Applier::finish() {
  if (border_current) s.border_color = s.color;
  if (border_bottom_current) s.border_bottom_color = s.color;
  if (background_current) s.background = s.color;
}

std::optional<Color> Applier::color_of(std::string_view v, bool& current) const {
  current = is_current_color(v);
  if (current) return s.color;
  return parse_color(v);
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
    if (auto size = keyword(font_size_keywords, v))
      s.font_size = *size;
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
    if (auto weight = keyword(font_weight_keywords, v))
      s.font_weight = *weight;
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
    // An unknown value is not taken, and yet sets normal.
    auto italic = keyword(font_style_keywords, v);
    s.italic = italic.value_or(false);
    return italic.has_value();
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
    if (is_current_color(v))  // the same as `inherit`
      s.color = parent.color;
    else if (auto c = parse_color(v))
      s.color = *c;
    else
      return false;
    return true;
  }
  if (p == "text-align") return set_keyword(s.text_align, text_align_keywords, v);
  if (p == "text-transform") return set_keyword(s.text_transform, text_transform_keywords, v);
  if (p == "text-decoration" || p == "text-decoration-line") {
    s.underline = v.find("underline") != std::string::npos;
    s.line_through = v.find("line-through") != std::string::npos;
    s.decoration_dotted = v.find("dotted") != std::string::npos;
    return true;
  }
  if (p == "text-decoration-style") {
    s.decoration_dotted = v == "dotted";
    return true;
  }
  if (p == "white-space") return set_keyword(s.white_space, white_space_keywords, v);
  if (p == "list-style-type" || p == "list-style") {
    // `list-style: square inside`: the first part that is a type.
    for (const auto& part : split_values(v)) {
      if (set_keyword(s.list_style, list_style_keywords, part)) return true;
    }
    return p == "list-style";
  }
  if (p == "vertical-align") {
    // A percentage is of the element's line-height, known at layout.
    s.vertical_align_by = 0;
    if (auto k = keyword(vertical_align_keywords, v)) {
      s.vertical_align = *k;
    } else if (is_percentage(v)) {
      s.vertical_align = VerticalAlign::Percent;
      s.vertical_align_by = parse_number(v, 0) / 100;
    } else if (auto l = length(v, 0)) {
      s.vertical_align = VerticalAlign::Length;
      s.vertical_align_by = *l;
    } else {
      s.vertical_align = VerticalAlign::Baseline;
    }
    return true;
  }
  return std::nullopt;
}

std::optional<bool> Applier::box(const Declaration& d, const std::string& v) {
  const std::string& p = d.property;
  if (p == "display") return set_keyword(s.display, display_keywords, v);
  if (p == "background-color" || p == "background") {
    background_current = false;
    if (v == "none" || v == "transparent") {
      s.background.reset();
      if (p == "background") s.background_gradient.reset();
      return true;
    }
    // The shorthand sets the image too: a gradient (paint.h) drawn over
    // its colour, if it gives one.
    bool gradient = false;
    for (const auto& part : split_values(v)) {
      if (p == "background") {
        if (auto g = parse_gradient(part, s.font_size, root_size)) {
          s.background_gradient = std::move(*g);
          if (!gradient) s.background.reset();
          gradient = true;
          continue;
        }
      }
      if (auto c = color_of(part, background_current)) {
        s.background = *c;
        return true;
      }
    }
    if (gradient) return true;
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
    e.auto_top = autos[m[0]];
    e.auto_bottom = autos[m[2]];
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
      if (side == "top") {
        e.top = *l;
        e.auto_top = is_auto;
      } else if (side == "bottom") {
        e.bottom = *l;
        e.auto_bottom = is_auto;
      } else if (side == "left") {
        e.left = *l;
        e.auto_left = is_auto;
      } else if (side == "right") {
        e.right = *l;
        e.auto_right = is_auto;
      } else {
        return false;
      }
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
    // One of the two is the value: the other is cleared (a later `width:
    // 300px` over an earlier `50%` is 300px).
    auto set_px = [&](float l) {
      *px = l;
      if (pct) pct->reset();
      if (p == "width") s.width_pct_px = 0;
    };
    auto set_pct = [&](float n, float plus_px) {
      px->reset();
      *pct = n;
      if (p == "width") s.width_pct_px = plus_px;
    };
    if (v == "auto" || v == "none") {
      px->reset();
      if (pct) pct->reset();
      if (p == "width") s.width_pct_px = 0;
      return true;
    }
    if (is_percentage(v)) {
      if (!pct) return true;
      set_pct(parse_number(v, 100), 0);
      return true;
    }
    if (auto c = parse_calc(v, s.font_size, root_size)) {
      if (!c->has_pct) {
        set_px(c->px);
        return true;
      }
      // A percentage plus a length: kept apart for width only.
      if (p != "width") return false;
      set_pct(c->pct, c->px);
      return true;
    }
    if (auto l = length(v, 0)) {
      set_px(*l);
      return true;
    }
    return false;
  }
  if (p == "border-bottom") {
    bool current = false;
    for (const auto& part : split_values(v)) {
      if (auto l = length(part, 0))
        s.border_bottom_width = *l;
      else if (auto c = color_of(part, current)) {
        s.border_bottom_color = *c;
        border_bottom_current = current;
      } else if (part == "none")
        s.border_bottom_width = 0;
    }
    return true;
  }
  if (p == "border" || p == "border-width" || p == "border-color") {
    bool current = false;
    for (const auto& part : split_values(v)) {
      if (auto l = length(part, 0))
        s.border_width = *l;
      else if (auto c = color_of(part, current)) {
        s.border_color = *c;
        border_current = current;
      } else if (part == "none")
        s.border_width = 0;
    }
    return true;
  }
  return std::nullopt;
}

}  // namespace deckpdf::style
