// style/color — parsing CSS colours (see color.h).
#include "style/color.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "source/strings.h"
#include "style/value.h"

namespace deckpdf::style {

std::optional<Color> parse_color(std::string_view value) {
  std::string v = ascii_lower(trim(value));
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (!v.empty() && v[0] == '#') {
    std::string h = v.substr(1);
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
  if (v.rfind("rgb", 0) == 0) {
    size_t open = v.find('('), close = v.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) {
      return std::nullopt;
    }
    std::string inner = v.substr(open + 1, close - open - 1);
    for (char& c : inner) {
      if (c == ',' || c == '/') c = ' ';
    }
    auto parts = split_values(inner);
    if (parts.size() < 3) return std::nullopt;
    Color c;
    float* ch[3] = {&c.r, &c.g, &c.b};
    for (int k = 0; k < 3; ++k) {
      float x = parse_number(parts[k], 0);
      if (parts[k].back() == '%') x = x * 2.55f;
      *ch[k] = std::clamp(x / 255.0f, 0.0f, 1.0f);
    }
    if (parts.size() >= 4) {
      float a = parse_number(parts[3], 1);
      if (parts[3].back() == '%') a /= 100.0f;
      c.a = std::clamp(a, 0.0f, 1.0f);
    }
    return c;
  }
  static const std::map<std::string, uint32_t, std::less<>> names = {
      {"black", 0x000000},
      {"white", 0xffffff},
      {"red", 0xff0000},
      {"green", 0x008000},
      {"blue", 0x0000ff},
      {"yellow", 0xffff00},
      {"gray", 0x808080},
      {"grey", 0x808080},
      {"silver", 0xc0c0c0},
      {"orange", 0xffa500},
      {"purple", 0x800080},
      {"navy", 0x000080},
      {"teal", 0x008080},
      {"maroon", 0x800000},
      {"olive", 0x808000},
      {"lime", 0x00ff00},
      {"aqua", 0x00ffff},
      {"cyan", 0x00ffff},
      {"fuchsia", 0xff00ff},
      {"magenta", 0xff00ff},
      {"pink", 0xffc0cb},
      {"brown", 0xa52a2a},
      {"gold", 0xffd700},
      {"darkgray", 0xa9a9a9},
      {"lightgray", 0xd3d3d3},
      {"darkblue", 0x00008b},
      {"darkred", 0x8b0000},
      {"darkgreen", 0x006400},
      {"crimson", 0xdc143c},
      {"tomato", 0xff6347},
      {"steelblue", 0x4682b4},
      {"royalblue", 0x4169e1},
      {"indigo", 0x4b0082},
      {"violet", 0xee82ee},
      {"coral", 0xff7f50},
      {"salmon", 0xfa8072},
      {"khaki", 0xf0e68c},
      {"beige", 0xf5f5dc},
      {"ivory", 0xfffff0},
      {"whitesmoke", 0xf5f5f5},
      {"lightblue", 0xadd8e6},
      {"lightgreen", 0x90ee90},
      {"skyblue", 0x87ceeb},
      // The rest of CSS Color 3's keywords (SVG pictures name them).
      {"aliceblue", 0xf0f8ff},
      {"antiquewhite", 0xfaebd7},
      {"aquamarine", 0x7fffd4},
      {"azure", 0xf0ffff},
      {"bisque", 0xffe4c4},
      {"blanchedalmond", 0xffebcd},
      {"blueviolet", 0x8a2be2},
      {"burlywood", 0xdeb887},
      {"cadetblue", 0x5f9ea0},
      {"chartreuse", 0x7fff00},
      {"chocolate", 0xd2691e},
      {"cornflowerblue", 0x6495ed},
      {"cornsilk", 0xfff8dc},
      {"darkcyan", 0x008b8b},
      {"darkgoldenrod", 0xb8860b},
      {"darkgrey", 0xa9a9a9},
      {"darkkhaki", 0xbdb76b},
      {"darkmagenta", 0x8b008b},
      {"darkolivegreen", 0x556b2f},
      {"darkorange", 0xff8c00},
      {"darkorchid", 0x9932cc},
      {"darksalmon", 0xe9967a},
      {"darkseagreen", 0x8fbc8f},
      {"darkslateblue", 0x483d8b},
      {"darkslategray", 0x2f4f4f},
      {"darkslategrey", 0x2f4f4f},
      {"darkturquoise", 0x00ced1},
      {"darkviolet", 0x9400d3},
      {"deeppink", 0xff1493},
      {"deepskyblue", 0x00bfff},
      {"dimgray", 0x696969},
      {"dimgrey", 0x696969},
      {"dodgerblue", 0x1e90ff},
      {"firebrick", 0xb22222},
      {"floralwhite", 0xfffaf0},
      {"forestgreen", 0x228b22},
      {"gainsboro", 0xdcdcdc},
      {"ghostwhite", 0xf8f8ff},
      {"goldenrod", 0xdaa520},
      {"greenyellow", 0xadff2f},
      {"honeydew", 0xf0fff0},
      {"hotpink", 0xff69b4},
      {"indianred", 0xcd5c5c},
      {"lavender", 0xe6e6fa},
      {"lavenderblush", 0xfff0f5},
      {"lawngreen", 0x7cfc00},
      {"lemonchiffon", 0xfffacd},
      {"lightcoral", 0xf08080},
      {"lightcyan", 0xe0ffff},
      {"lightgoldenrodyellow", 0xfafad2},
      {"lightgrey", 0xd3d3d3},
      {"lightpink", 0xffb6c1},
      {"lightsalmon", 0xffa07a},
      {"lightseagreen", 0x20b2aa},
      {"lightskyblue", 0x87cefa},
      {"lightslategray", 0x778899},
      {"lightslategrey", 0x778899},
      {"lightsteelblue", 0xb0c4de},
      {"lightyellow", 0xffffe0},
      {"limegreen", 0x32cd32},
      {"linen", 0xfaf0e6},
      {"mediumaquamarine", 0x66cdaa},
      {"mediumblue", 0x0000cd},
      {"mediumorchid", 0xba55d3},
      {"mediumpurple", 0x9370db},
      {"mediumseagreen", 0x3cb371},
      {"mediumslateblue", 0x7b68ee},
      {"mediumspringgreen", 0x00fa9a},
      {"mediumturquoise", 0x48d1cc},
      {"mediumvioletred", 0xc71585},
      {"midnightblue", 0x191970},
      {"mintcream", 0xf5fffa},
      {"mistyrose", 0xffe4e1},
      {"moccasin", 0xffe4b5},
      {"navajowhite", 0xffdead},
      {"oldlace", 0xfdf5e6},
      {"olivedrab", 0x6b8e23},
      {"orangered", 0xff4500},
      {"orchid", 0xda70d6},
      {"palegoldenrod", 0xeee8aa},
      {"palegreen", 0x98fb98},
      {"paleturquoise", 0xafeeee},
      {"palevioletred", 0xdb7093},
      {"papayawhip", 0xffefd5},
      {"peachpuff", 0xffdab9},
      {"peru", 0xcd853f},
      {"plum", 0xdda0dd},
      {"powderblue", 0xb0e0e6},
      {"rosybrown", 0xbc8f8f},
      {"saddlebrown", 0x8b4513},
      {"sandybrown", 0xf4a460},
      {"seagreen", 0x2e8b57},
      {"seashell", 0xfff5ee},
      {"sienna", 0xa0522d},
      {"slateblue", 0x6a5acd},
      {"slategray", 0x708090},
      {"slategrey", 0x708090},
      {"snow", 0xfffafa},
      {"springgreen", 0x00ff7f},
      {"tan", 0xd2b48c},
      {"thistle", 0xd8bfd8},
      {"turquoise", 0x40e0d0},
      {"wheat", 0xf5deb3},
      {"yellowgreen", 0x9acd32},
  };
  if (v == "transparent") return Color{0, 0, 0, 0};
  auto it = names.find(v);
  if (it == names.end()) return std::nullopt;
  return Color{((it->second >> 16) & 0xff) / 255.0f, ((it->second >> 8) & 0xff) / 255.0f,
               (it->second & 0xff) / 255.0f, 1};
}

}  // namespace deckpdf::style
