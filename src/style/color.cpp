// style/color — parsing CSS colours (see color.h).
#include "style/color.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "source/strings.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

std::optional<Color> parse_hex(std::string_view h) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (std::any_of(h.begin(), h.end(), [&](char c) { return hex(c) < 0; })) return std::nullopt;
  if (h.size() == 3 || h.size() == 4) {
    Color c{hex(h[0]) * 17 / 255.0f, hex(h[1]) * 17 / 255.0f, hex(h[2]) * 17 / 255.0f, 1};
    if (h.size() == 4) c.a = hex(h[3]) * 17 / 255.0f;
    return c;
  }
  if (h.size() == 6 || h.size() == 8) {
    auto byte = [&](size_t k) { return (hex(h[k]) * 16 + hex(h[k + 1])) / 255.0f; };
    Color c{byte(0), byte(2), byte(4), 1};
    if (h.size() == 8) c.a = byte(6);
    return c;
  }
  return std::nullopt;
}

// A number with an optional unit, all of `v`.
struct Component {
  float value = 0;
  std::string_view unit;
};
std::optional<Component> component(std::string_view v) {
  Component c;
  auto r = std::from_chars(v.data(), v.data() + v.size(), c.value);
  if (r.ec != std::errc() || !std::isfinite(c.value)) return std::nullopt;
  c.unit = v.substr(static_cast<size_t>(r.ptr - v.data()));
  return c;
}

// The arguments of `name(...)`: three channels and an optional alpha, in
// the legacy comma syntax (`rgb(1, 2, 3, .5)`) or the space syntax
// (`rgb(1 2 3 / 50%)`). False when they are neither.
bool function_args(std::string_view inner, std::vector<std::string>& channels, std::string& alpha) {
  alpha.clear();
  std::vector<std::string> parts;
  if (inner.find(',') != std::string_view::npos) {
    for (std::string& p : split_commas(inner)) parts.emplace_back(trim(p));
    if (parts.size() != 3 && parts.size() != 4) return false;
    for (const std::string& p : parts) {
      if (p.empty() || p.find_first_of(" \t/") != std::string::npos) return false;
    }
  } else {
    size_t slash = inner.find('/');
    parts = split_values(inner.substr(0, slash));
    if (parts.size() != 3) return false;
    if (slash != std::string_view::npos) {
      std::vector<std::string> a = split_values(inner.substr(slash + 1));
      if (a.size() != 1) return false;
      parts.push_back(a[0]);
    }
  }
  if (parts.size() == 4) alpha = parts[3];
  parts.resize(3);
  channels = std::move(parts);
  return true;
}

// An alpha value: a number 0..1 or a percentage.
std::optional<float> parse_alpha(std::string_view v) {
  auto c = component(v);
  if (!c || (!c->unit.empty() && c->unit != "%")) return std::nullopt;
  float a = c->unit == "%" ? c->value / 100 : c->value;
  return std::clamp(a, 0.0f, 1.0f);
}

std::optional<Color> parse_rgb(std::string_view inner) {
  std::vector<std::string> ch;
  std::string alpha;
  if (!function_args(inner, ch, alpha)) return std::nullopt;
  float out[3];
  for (int k = 0; k < 3; ++k) {
    auto c = component(ch[k]);
    if (!c || (!c->unit.empty() && c->unit != "%")) return std::nullopt;
    float x = c->unit == "%" ? c->value / 100 : c->value / 255;
    out[k] = std::clamp(x, 0.0f, 1.0f);
  }
  Color c{out[0], out[1], out[2], 1};
  if (!alpha.empty()) {
    auto a = parse_alpha(alpha);
    if (!a) return std::nullopt;
    c.a = *a;
  }
  return c;
}

// Hue in degrees: deg (or none), grad, rad, turn.
std::optional<float> parse_hue(std::string_view v) {
  auto c = component(v);
  if (!c) return std::nullopt;
  if (c->unit.empty() || c->unit == "deg") return c->value;
  if (c->unit == "grad") return c->value * 0.9f;
  if (c->unit == "rad") return c->value * 180.0f / 3.14159265358979f;
  if (c->unit == "turn") return c->value * 360.0f;
  return std::nullopt;
}

std::optional<Color> parse_hsl(std::string_view inner) {
  std::vector<std::string> ch;
  std::string alpha;
  if (!function_args(inner, ch, alpha)) return std::nullopt;
  auto hue = parse_hue(ch[0]);
  auto sat = component(ch[1]);
  auto light = component(ch[2]);
  // Saturation and lightness are percentages (the space syntax also takes
  // plain numbers, meaning the same).
  auto fraction = [](const std::optional<Component>& c) -> std::optional<float> {
    if (!c || (!c->unit.empty() && c->unit != "%")) return std::nullopt;
    return std::clamp(c->value / 100, 0.0f, 1.0f);
  };
  auto s = fraction(sat), l = fraction(light);
  if (!hue || !s || !l) return std::nullopt;
  // CSS Color 4's hslToRgb.
  float h = std::fmod(*hue, 360.0f);
  if (h < 0) h += 360;
  auto f = [&](float n) {
    float k = std::fmod(n + h / 30, 12.0f);
    float a = *s * std::min(*l, 1 - *l);
    return *l - a * std::max(-1.0f, std::min({k - 3, 9 - k, 1.0f}));
  };
  Color c{f(0), f(8), f(4), 1};
  if (!alpha.empty()) {
    auto a = parse_alpha(alpha);
    if (!a) return std::nullopt;
    c.a = *a;
  }
  return c;
}

}  // namespace

bool is_current_color(std::string_view value) {
  return ascii_lower(trim(value)) == "currentcolor";
}

std::optional<Color> parse_color(std::string_view value) {
  std::string v = ascii_lower(trim(value));
  if (!v.empty() && v[0] == '#') return parse_hex(std::string_view(v).substr(1));
  size_t open = v.find('(');
  if (open != std::string::npos) {
    if (v.back() != ')') return std::nullopt;
    std::string_view name = trim(std::string_view(v).substr(0, open));
    std::string_view inner = std::string_view(v).substr(open + 1, v.size() - open - 2);
    if (name == "rgb" || name == "rgba") return parse_rgb(inner);
    if (name == "hsl" || name == "hsla") return parse_hsl(inner);
    return std::nullopt;
  }
  if (v == "transparent") return Color{0, 0, 0, 0};
  return named_color(v);
}

float color_brightness(const Color& c) {
  return (c.r * 255 * 299 + c.g * 255 * 587 + c.b * 255 * 114) / 1000;
}

namespace {

// The colours of a gradient's stops, each "colour [position]".
std::vector<Color> gradient_stops(std::string_view value) {
  std::vector<Color> out;
  std::string v = ascii_lower(trim(value));
  size_t open = v.find("gradient(");
  size_t close = v.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string inner = v.substr(open + 9, close - open - 9);
  for (const std::string& arg : split_commas(inner)) {
    auto parts = split_values(arg);
    if (parts.empty()) continue;
    if (auto c = parse_color(parts[0])) out.push_back(*c);
  }
  return out;
}

}  // namespace

std::optional<Color> gradient_first_color(std::string_view value) {
  std::vector<Color> stops = gradient_stops(value);
  if (stops.empty()) return std::nullopt;
  return stops.front();
}

}  // namespace deckpdf::style
