#include "style/style.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace deckpdf::style {

namespace {

// Element defaults, as a browser's user-agent sheet gives them. Themes
// override these; they are here so that a theme only says what it changes.
constexpr std::string_view kDefaults = R"css(
section, div, p, h1, h2, h3, h4, h5, h6, ul, ol, pre, blockquote, table, figure,
header, footer, article, nav, aside, main, hr, dl, dt, dd, details, summary,
figcaption, address, center { display: block; }
li { display: list-item; }
head, script, style, template, title, meta, link, iframe, noscript, video, audio,
aside.notes { display: none; }
h1 { font-size: 2em; font-weight: bold; margin: 0.67em 0; }
h2 { font-size: 1.5em; font-weight: bold; margin: 0.83em 0; }
h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0; }
h4 { font-weight: bold; margin: 1.33em 0; }
h5 { font-size: 0.83em; font-weight: bold; margin: 1.67em 0; }
h6 { font-size: 0.67em; font-weight: bold; margin: 2.33em 0; }
p, blockquote, ul, ol, dl, figure { margin: 1em 0; }
ul, ol { padding-left: 40px; }
ul { list-style-type: disc; }
ol { list-style-type: decimal; }
ul ul, ol ul { list-style-type: circle; margin: 0; }
ul ul ul, ol ul ul { list-style-type: square; }
ol ol, ul ol { margin: 0; }
blockquote { margin: 1em 40px; }
pre { white-space: pre; font-family: monospace; margin: 1em 0; }
code, kbd, samp, tt { font-family: monospace; }
strong, b, th { font-weight: bold; }
em, i, cite, var, dfn { font-style: italic; }
u, ins, a { text-decoration: underline; }
s, del, strike { text-decoration: line-through; }
sub { vertical-align: sub; font-size: smaller; }
sup { vertical-align: super; font-size: smaller; }
small { font-size: smaller; }
mark { background-color: yellow; color: black; }
hr { border-width: 1px; margin: 0.5em 0; }
)css";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Removes /* comments */, keeping newlines so line numbers stay right.
std::string strip_comments(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  for (size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) end = css.size();
      for (size_t k = i; k < end && k < css.size(); ++k) {
        if (css[k] == '\n') out.push_back('\n');
      }
      i = end + 1;
      continue;
    }
    out.push_back(css[i]);
  }
  return out;
}

std::vector<std::string> split_values(std::string_view v) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : v) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (std::isspace(static_cast<unsigned char>(c)) && depth == 0) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool parse_selector(std::string_view text, Selector& sel) {
  std::vector<Selector::Compound> left_to_right;
  Selector::Compound cur;
  bool have = false;
  bool pending_child = false;
  size_t i = 0;
  auto flush = [&] {
    if (!have) return;
    cur.child = false;
    left_to_right.push_back(cur);
    cur = {};
    have = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      flush();
      ++i;
      continue;
    }
    if (c == '>') {
      flush();
      pending_child = true;
      ++i;
      continue;
    }
    auto read_ident = [&](size_t from) {
      size_t j = from;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                 text[j] == '-' || text[j] == '_')) {
        ++j;
      }
      return j;
    };
    if (!have && pending_child && !left_to_right.empty()) {
      left_to_right.back().child = true;  // marks '>' after that compound
    }
    pending_child = false;
    if (c == '.' || c == '#') {
      size_t j = read_ident(i + 1);
      if (j == i + 1) return false;
      std::string name(text.substr(i + 1, j - i - 1));
      if (c == '.')
        cur.classes.push_back(name);
      else
        cur.id = name;
      have = true;
      i = j;
    } else if (c == '*') {
      cur.tag = "*";
      have = true;
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = read_ident(i);
      cur.tag = lower(text.substr(i, j - i));
      have = true;
      i = j;
    } else {
      return false;  // pseudo-classes, attribute selectors: not supported
    }
  }
  flush();
  if (left_to_right.empty()) return false;
  // Store right-to-left; `child` on a compound means "its left neighbour is
  // its parent", so shift the markers one place.
  sel.parts.clear();
  for (size_t k = left_to_right.size(); k-- > 0;) {
    Selector::Compound comp = left_to_right[k];
    comp.child = k > 0 && left_to_right[k - 1].child;
    sel.parts.push_back(comp);
  }
  sel.specificity = 0;
  for (const auto& p : sel.parts) {
    sel.specificity += (p.id.empty() ? 0 : 10000) + 100 * static_cast<int>(p.classes.size()) +
                       ((p.tag.empty() || p.tag == "*") ? 0 : 1);
  }
  return true;
}

bool compound_matches(const Selector::Compound& c, const dom::Node& n) {
  if (n.kind != dom::NodeKind::Element) return false;
  if (!c.tag.empty() && c.tag != "*" && c.tag != n.tag) return false;
  if (!c.id.empty()) {
    const std::string* id = n.attr("id");
    if (!id || *id != c.id) return false;
  }
  for (const auto& cls : c.classes) {
    if (!n.has_class(cls)) return false;
  }
  return true;
}

}  // namespace

bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id) {
  if (sel.parts.empty()) return false;
  if (!compound_matches(sel.parts[0], doc[id])) return false;
  dom::NodeId at = id;
  for (size_t k = 1; k < sel.parts.size(); ++k) {
    bool child = sel.parts[k - 1].child;
    dom::NodeId p = doc[at].parent;
    bool found = false;
    while (p != dom::no_node) {
      if (compound_matches(sel.parts[k], doc[p])) {
        found = true;
        break;
      }
      if (child) break;
      p = doc[p].parent;
    }
    if (!found) return false;
    at = p;
  }
  return true;
}

namespace {

std::vector<Rule> parse_rules(std::string_view css_in, std::map<std::string, std::string>* vars,
                              std::vector<std::string>& errors, uint32_t& order) {
  std::string css = strip_comments(css_in);
  std::vector<Rule> rules;
  size_t i = 0;
  auto line_at = [&](size_t pos) {
    return static_cast<uint32_t>(1 + std::count(css.begin(), css.begin() + pos, '\n'));
  };
  while (i < css.size()) {
    size_t open = css.find('{', i);
    if (open == std::string::npos) {
      if (!trim(std::string_view(css).substr(i)).empty()) {
        errors.push_back(std::to_string(line_at(i)) + ": text after the last rule is ignored");
      }
      break;
    }
    size_t close = css.find('}', open);
    if (close == std::string::npos) {
      errors.push_back(std::to_string(line_at(open)) + ": '{' is never closed");
      break;
    }
    std::string_view selectors = trim(std::string_view(css).substr(i, open - i));
    std::string_view body = std::string_view(css).substr(open + 1, close - open - 1);
    auto decls = parse_declarations(body);
    uint32_t body_line = line_at(open);
    for (auto& d : decls) d.line += body_line - 1;
    size_t start = 0;
    while (start <= selectors.size()) {
      size_t comma = selectors.find(',', start);
      if (comma == std::string_view::npos) comma = selectors.size();
      std::string_view one = trim(selectors.substr(start, comma - start));
      start = comma + 1;
      if (one.empty()) continue;
      if (one == ":root") {
        if (vars) {
          for (const auto& d : decls) (*vars)[d.property] = d.value;
        }
        continue;
      }
      Rule r;
      if (!parse_selector(one, r.selector)) {
        errors.push_back(std::to_string(line_at(i)) + ": selector '" + std::string(one) +
                         "' is not supported; its rule is ignored");
        continue;
      }
      r.declarations = decls;
      r.order = order++;
      rules.push_back(std::move(r));
    }
    i = close + 1;
  }
  return rules;
}

const std::vector<Rule>& default_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<std::string> errors;
    uint32_t order = 0;
    return parse_rules(kDefaults, nullptr, errors, order);
  }();
  return rules;
}

const RuleIndex& default_index() {
  static const RuleIndex index(default_rules());
  return index;
}

// The rules of `rules` that match `id`, in source order, appended to `out`.
void matches_append(const std::vector<Rule>& rules, const RuleIndex& index,
                    const dom::Document& doc, dom::NodeId id, std::vector<uint32_t>& scratch,
                    std::vector<const Rule*>& out) {
  index.candidates(doc[id], scratch);
  for (uint32_t k : scratch) {
    if (selector_matches(rules[k].selector, doc, id)) out.push_back(&rules[k]);
  }
}

// A length in px. `em` is the reference size for em and %, `rem` the root's.
std::optional<float> parse_length(std::string_view v, float em, float rem, float pct_base) {
  v = trim(v);
  if (v.empty()) return std::nullopt;
  float num = 0;
  const char* end = v.data() + v.size();
  auto res = std::from_chars(v.data(), end, num);
  if (res.ec != std::errc()) return std::nullopt;
  std::string unit = lower(std::string_view(res.ptr, static_cast<size_t>(end - res.ptr)));
  if (unit.empty()) {
    if (num == 0) return 0.0f;
    return std::nullopt;
  }
  if (unit == "px") return num;
  if (unit == "pt") return num * 96.0f / 72.0f;
  if (unit == "em") return num * em;
  if (unit == "rem") return num * rem;
  if (unit == "%") return num * pct_base / 100.0f;
  if (unit == "in") return num * 96.0f;
  if (unit == "cm") return num * 96.0f / 2.54f;
  if (unit == "mm") return num * 96.0f / 25.4f;
  if (unit == "vw" || unit == "vh") return std::nullopt;
  return std::nullopt;
}

bool is_percentage(std::string_view v) {
  v = trim(v);
  return !v.empty() && v.back() == '%';
}

float parse_number(std::string_view v, float fallback) {
  v = trim(v);
  float num = fallback;
  std::from_chars(v.data(), v.data() + v.size(), num);
  return num;
}

}  // namespace

std::vector<Declaration> parse_declarations(std::string_view text) {
  std::vector<Declaration> out;
  uint32_t line = 1;
  size_t i = 0;
  while (i < text.size()) {
    // A ';' inside quotes or parentheses does not end a declaration.
    size_t j = i;
    char quote = 0;
    int depth = 0;
    uint32_t start_line = line;
    while (j < text.size()) {
      char c = text[j];
      if (c == '\n') ++line;
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      } else if (c == ';' && depth <= 0) {
        break;
      }
      ++j;
    }
    std::string_view decl = text.substr(i, j - i);
    size_t lead = 0;
    while (lead < decl.size() && std::isspace(static_cast<unsigned char>(decl[lead]))) {
      if (decl[lead] == '\n') ++start_line;
      ++lead;
    }
    decl = trim(decl);
    size_t colon = decl.find(':');
    if (colon != std::string_view::npos) {
      Declaration d;
      d.property = lower(trim(decl.substr(0, colon)));
      std::string_view value = trim(decl.substr(colon + 1));
      if (value.size() > 10 && lower(value.substr(value.size() - 10)) == "!important") {
        value = trim(value.substr(0, value.size() - 10));
      }
      d.value = std::string(value);
      d.line = start_line;
      if (!d.property.empty()) out.push_back(std::move(d));
    }
    i = j + 1;
  }
  return out;
}

std::optional<Color> parse_color(std::string_view value) {
  std::string v = lower(trim(value));
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
      {"black", 0x000000},      {"white", 0xffffff},     {"red", 0xff0000},
      {"green", 0x008000},      {"blue", 0x0000ff},      {"yellow", 0xffff00},
      {"gray", 0x808080},       {"grey", 0x808080},      {"silver", 0xc0c0c0},
      {"orange", 0xffa500},     {"purple", 0x800080},    {"navy", 0x000080},
      {"teal", 0x008080},       {"maroon", 0x800000},    {"olive", 0x808000},
      {"lime", 0x00ff00},       {"aqua", 0x00ffff},      {"cyan", 0x00ffff},
      {"fuchsia", 0xff00ff},    {"magenta", 0xff00ff},   {"pink", 0xffc0cb},
      {"brown", 0xa52a2a},      {"gold", 0xffd700},      {"darkgray", 0xa9a9a9},
      {"lightgray", 0xd3d3d3},  {"darkblue", 0x00008b},  {"darkred", 0x8b0000},
      {"darkgreen", 0x006400},  {"crimson", 0xdc143c},   {"tomato", 0xff6347},
      {"steelblue", 0x4682b4},  {"royalblue", 0x4169e1}, {"indigo", 0x4b0082},
      {"violet", 0xee82ee},     {"coral", 0xff7f50},     {"salmon", 0xfa8072},
      {"khaki", 0xf0e68c},      {"beige", 0xf5f5dc},     {"ivory", 0xfffff0},
      {"whitesmoke", 0xf5f5f5}, {"lightblue", 0xadd8e6}, {"lightgreen", 0x90ee90},
      {"skyblue", 0x87ceeb},
  };
  if (v == "transparent") return Color{0, 0, 0, 0};
  auto it = names.find(v);
  if (it == names.end()) return std::nullopt;
  return Color{((it->second >> 16) & 0xff) / 255.0f, ((it->second >> 8) & 0xff) / 255.0f,
               (it->second & 0xff) / 255.0f, 1};
}

std::optional<Color> gradient_average(std::string_view value) {
  std::string v = lower(trim(value));
  size_t open = v.find("gradient(");
  size_t close = v.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
  std::string inner = v.substr(open + 9, close - open - 9);
  // Split at top-level commas; each stop is "colour [position]".
  std::vector<std::string> args;
  std::string cur;
  int depth = 0;
  for (char c : inner) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      args.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  args.push_back(cur);
  Color sum{0, 0, 0, 0};
  int n = 0;
  for (const std::string& arg : args) {
    auto parts = split_values(arg);
    if (parts.empty()) continue;
    if (auto c = parse_color(parts[0])) {
      sum.r += c->r;
      sum.g += c->g;
      sum.b += c->b;
      sum.a += c->a;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return Color{sum.r / n, sum.g / n, sum.b / n, sum.a / n};
}

Theme Theme::parse(std::string_view css, std::string name, std::vector<std::string>& errors) {
  Theme t;
  t.name = std::move(name);
  uint32_t order = 0;
  t.rules = parse_rules(css, &t.vars, errors, order);
  auto var_length = [&](const char* key, float& out) {
    auto it = t.vars.find(key);
    if (it == t.vars.end()) return;
    if (auto v = parse_length(it->second, 16, 16, 0))
      out = *v;
    else
      errors.push_back(std::string(key) + ": '" + it->second + "' is not a length");
  };
  var_length("--slide-width", t.slide_width);
  var_length("--slide-height", t.slide_height);
  if (auto it = t.vars.find("--min-scale"); it != t.vars.end()) {
    t.min_scale = std::clamp(parse_number(it->second, 0.5f), 0.1f, 1.0f);
  }
  if (auto it = t.vars.find("--code-overflow"); it != t.vars.end()) {
    if (it->second == "shrink")
      t.code_shrink = true;
    else if (it->second != "wrap")
      errors.push_back("--code-overflow: '" + it->second + "' is not wrap or shrink");
  }
  if (auto it = t.vars.find("--background"); it != t.vars.end()) {
    if (auto c = parse_color(it->second)) t.background = *c;
  }
  return t;
}

namespace {

// Reads a theme file and the themes it imports (`@import "white.css";`,
// at the top, before any rule), the imported rules first so that the file's
// own rules win. An import is looked up in the importing file's folder or,
// by bare name, in layouts/; it may not leave those folders.
std::optional<Theme> theme_read(const std::string& layouts_dir, const std::string& path,
                                const std::string& name, int depth, std::string& error,
                                std::vector<std::string>& warnings) {
  namespace fs = std::filesystem;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read theme '" + name + "' (" + path + ")";
    return std::nullopt;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  std::string css = strip_comments(buf.str());  // keeps line breaks
  std::vector<std::string> errs;
  Theme merged;
  bool have_base = false;
  // @import lines are blanked (not removed) so that line numbers stay.
  size_t pos = 0;
  while (true) {
    size_t at = css.find("@import", pos);
    if (at == std::string::npos) break;
    size_t end = css.find(';', at);
    if (end == std::string::npos) break;
    std::string spec(trim(std::string_view(css).substr(at + 7, end - at - 7)));
    uint32_t line = static_cast<uint32_t>(
        1 + std::count(css.begin(), css.begin() + static_cast<long>(at), '\n'));
    for (size_t k = at; k <= end; ++k) {
      if (css[k] != '\n') css[k] = ' ';
    }
    pos = end + 1;
    if (spec.rfind("url(", 0) == 0 && spec.back() == ')')
      spec = std::string(trim(spec.substr(4, spec.size() - 5)));
    if (spec.size() >= 2 && (spec.front() == '"' || spec.front() == '\'') &&
        spec.back() == spec.front()) {
      spec = spec.substr(1, spec.size() - 2);
    }
    fs::path here = fs::path(path).parent_path();
    std::error_code ec;
    // "white" or "white.css": beside the importing file, else in layouts/.
    std::string file = spec.find(".css") == std::string::npos ? spec + ".css" : spec;
    fs::path target = here / file;
    if (spec.find('/') == std::string::npos && !fs::exists(target, ec)) {
      target = fs::path(layouts_dir) / file;
    }
    fs::path resolved = fs::weakly_canonical(target, ec);
    auto within = [&](const fs::path& root) {
      fs::path r = fs::weakly_canonical(root, ec);
      auto f = resolved.begin();
      for (auto it = r.begin(); it != r.end(); ++it, ++f) {
        if (f == resolved.end() || *f != *it) return false;
      }
      return true;
    };
    if (depth >= 4 || ec || !(within(here) || within(layouts_dir))) {
      errs.push_back(
          std::to_string(line) + ": @import \"" + spec + "\" is " +
          (depth >= 4 ? "nested too deeply" : "outside the theme's folder and layouts/") +
          "; it is ignored");
      continue;
    }
    std::string import_error;
    auto base = theme_read(layouts_dir, resolved.string(), spec, depth + 1, import_error, warnings);
    if (!base) {
      errs.push_back(std::to_string(line) + ": " + import_error);
      continue;
    }
    for (Rule& r : base->rules) merged.rules.push_back(std::move(r));
    for (auto& [k, v] : base->vars) merged.vars[k] = v;
    have_base = true;
  }
  Theme own = Theme::parse(css, name, errs);
  if (have_base) {
    uint32_t order = 0;
    for (Rule& r : merged.rules) r.order = order++;
    for (Rule& r : own.rules) {
      r.order = order++;
      merged.rules.push_back(std::move(r));
    }
    for (auto& [k, v] : own.vars) merged.vars[k] = v;
    // Derived settings from the merged variables.
    std::string vars_css = ":root {";
    for (const auto& [k, v] : merged.vars) vars_css += k + ": " + v + ";";
    vars_css += "}";
    std::vector<std::string> ignored;
    Theme derived = Theme::parse(vars_css, name, ignored);
    own.rules = std::move(merged.rules);
    own.vars = std::move(merged.vars);
    own.slide_width = derived.slide_width;
    own.slide_height = derived.slide_height;
    own.min_scale = derived.min_scale;
    own.code_shrink = derived.code_shrink;
    own.background = derived.background;
  }
  own.path = path;
  for (const auto& e : errs) {
    size_t colon = e.find(": ");
    warnings.push_back(colon == std::string::npos
                           ? path + ": warning: " + e
                           : path + ":" + e.substr(0, colon) + ": warning: " + e.substr(colon + 2));
  }
  return own;
}

}  // namespace

std::optional<Theme> theme_load(const std::string& layouts_dir, const std::string& name_or_path,
                                std::string& error, std::vector<std::string>& warnings) {
  std::string path = name_or_path;
  bool is_path =
      name_or_path.find('/') != std::string::npos ||
      (name_or_path.size() > 4 && name_or_path.compare(name_or_path.size() - 4, 4, ".css") == 0);
  if (!is_path) path = layouts_dir + "/" + name_or_path + ".css";
  return theme_read(layouts_dir, path, name_or_path, 0, error, warnings);
}

RuleIndex::RuleIndex(const std::vector<Rule>& rules) {
  for (size_t k = 0; k < rules.size(); ++k) {
    const Selector& sel = rules[k].selector;
    uint32_t at = static_cast<uint32_t>(k);
    if (sel.parts.empty()) continue;  // matches nothing
    const Selector::Compound& subject = sel.parts[0];
    if (!subject.id.empty()) {
      by_id_[subject.id].push_back(at);
    } else if (!subject.classes.empty()) {
      by_class_[subject.classes[0]].push_back(at);
    } else if (!subject.tag.empty() && subject.tag != "*") {
      by_tag_[subject.tag].push_back(at);
    } else {
      universal_.push_back(at);
    }
  }
}

void RuleIndex::candidates(const dom::Node& node, std::vector<uint32_t>& out) const {
  out.clear();
  if (node.kind != dom::NodeKind::Element) return;
  size_t lists = 0;
  auto add = [&](const std::vector<uint32_t>& bucket) {
    if (bucket.empty()) return;
    out.insert(out.end(), bucket.begin(), bucket.end());
    ++lists;
  };
  auto add_from = [&](const std::unordered_map<std::string, std::vector<uint32_t>>& map,
                      const std::string& key) {
    if (map.empty()) return;
    auto it = map.find(key);
    if (it != map.end()) add(it->second);
  };
  if (!by_id_.empty()) {
    if (const std::string* id = node.attr("id")) add_from(by_id_, *id);
  }
  for (const std::string& cls : node.classes) add_from(by_class_, cls);
  add_from(by_tag_, node.tag);
  add(universal_);
  // Each bucket is in source order; more than one is merged (an element
  // may name a class twice, so duplicates go too).
  if (lists > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

Resolver::Resolver(const Theme& theme, const dom::Document& doc, Diagnostics& diags)
    : theme_(theme), doc_(doc), diags_(&diags), index_(std::make_shared<RuleIndex>(theme.rules)) {}

Resolver::Resolver(const Resolver& other, Diagnostics& diags)
    : theme_(other.theme_), doc_(other.doc_), diags_(&diags), index_(other.index_) {}

std::vector<const Rule*> Resolver::matched_rules(dom::NodeId id) const {
  std::vector<const Rule*> matched;
  matched_into(id, matched);
  return matched;
}

void Resolver::matched_into(dom::NodeId id, std::vector<const Rule*>& matched) const {
  // Matching rules, by specificity then order; defaults first.
  matched.clear();
  matches_append(default_rules(), default_index(), doc_, id, candidates_, matched);
  size_t defaults = matched.size();
  matches_append(theme_.rules, *index_, doc_, id, candidates_, matched);
  // A stable sort of each part by specificity: an insertion sort, as an
  // element matches a handful of rules (std::stable_sort would allocate).
  auto sort = [](const Rule** first, const Rule** last) {
    for (const Rule** i = first; i != last; ++i) {
      const Rule* r = *i;
      const Rule** j = i;
      for (; j != first && (*(j - 1))->selector.specificity > r->selector.specificity; --j) {
        *j = *(j - 1);
      }
      *j = r;
    }
  };
  sort(matched.data() + defaults, matched.data() + matched.size());
  sort(matched.data(), matched.data() + defaults);
}

ComputedStyle Resolver::root_style() const {
  ComputedStyle s;
  s.display = Display::Block;
  s.font_size = 16;
  s.line_height = 1.2f * 16;
  return s;
}

namespace {

struct Applier {
  ComputedStyle& s;
  const ComputedStyle& parent;
  float root_size;
  bool line_height_set = false;
  float line_height_factor = -1;  // unitless line-height, applied after font-size

  // Returns false when the property or value is not understood.
  bool apply(const Declaration& d) {
    const std::string& p = d.property;
    std::string v = lower(trim(d.value));
    float em = s.font_size;
    auto len = [&](std::string_view x, float pct_base) {
      return parse_length(x, em, root_size, pct_base);
    };
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
      if (auto l = len(v, s.font_size)) {
        s.line_height = *l;
        line_height_factor = -1;
        return true;
      }
      return false;
    }
    if (p == "color") {
      if (auto c = parse_color(v))
        s.color = *c;
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
        auto l = len(parts[k], 0);
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
        auto l = is_auto ? std::optional<float>(0) : len(v, 0);
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
      if (auto l = len(v, 0)) {
        *px = *l;
        return true;
      }
      return false;
    }
    if (p == "border-bottom") {
      for (const auto& part : split_values(v)) {
        if (auto l = len(part, 0))
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
        if (auto l = len(part, 0))
          s.border_width = *l;
        else if (auto c = parse_color(part))
          s.border_color = *c;
        else if (part == "none")
          s.border_width = 0;
      }
      return true;
    }
    // Properties that decks use but that do not change a printed page.
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
                                    "text-shadow",
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
};

}  // namespace

ComputedStyle Resolver::compute(dom::NodeId id, const ComputedStyle& parent) const {
  const dom::Node& node = doc_[id];
  ComputedStyle s;
  // Inherited properties.
  s.font_family = parent.font_family;
  s.font_weight = parent.font_weight;
  s.italic = parent.italic;
  s.font_size = parent.font_size;
  s.line_height = parent.line_height;
  s.color = parent.color;
  s.text_align = parent.text_align;
  s.text_transform = parent.text_transform;
  s.white_space = parent.white_space;
  s.list_style = parent.list_style;
  s.underline = parent.underline;
  s.line_through = parent.line_through;
  s.display = Display::Inline;

  std::vector<const Rule*>& matched = matched_;
  matched_into(id, matched);
  const std::string* inline_style = node.attr("style");
  // What the result depends on, without a style attribute: the rules and
  // what the parent passes on (its inherited values, its font size and
  // weight for relative ones, its line height for the factor).
  std::string& key = memo_key_;
  if (!inline_style) {
    key.clear();
    auto add = [&](const auto& v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    add(matched.size());
    for (const Rule* r : matched) add(r);
    add(parent.font_weight);
    add(parent.italic);
    add(parent.font_size);
    add(parent.line_height);
    add(parent.color);
    add(parent.text_align);
    add(parent.text_transform);
    add(parent.white_space);
    add(parent.list_style);
    add(parent.underline);
    add(parent.line_through);
    key.append(parent.font_family);
    if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  }
  float root_size = 16;
  Applier ap{s, parent, root_size};
  // Inherited line-height is kept as a factor when the parent's was one.
  float parent_factor = parent.font_size > 0 ? parent.line_height / parent.font_size : 1.2f;
  auto apply_list = [&](const std::vector<Declaration>& decls) {
    // font-size first so that em lengths in the same rule use it.
    for (const auto& d : decls) {
      if (d.property == "font-size") ap.apply(d);
    }
    for (const auto& d : decls) {
      if (d.property != "font-size") ap.apply(d);
    }
  };
  for (const Rule* r : matched) apply_list(r->declarations);
  Span style_span = node.span;
  for (const dom::Attr& a : node.attrs) {
    if (a.name == "style" && a.span.end > a.span.begin) style_span = a.span;
  }
  if (inline_style) {
    auto decls = parse_declarations(*inline_style);
    for (const auto& d : decls) {
      if (d.property == "font-size") ap.apply(d);
    }
    for (const auto& d : decls) {
      if (d.property == "font-size") continue;
      if (!ap.apply(d)) {
        diags_->warning(style_span, "style.unsupported",
                        "'" + d.property + ": " + d.value + "' is not supported; it is ignored");
      }
    }
  }
  if (ap.line_height_factor > 0)
    s.line_height = ap.line_height_factor * s.font_size;
  else if (!ap.line_height_set)
    s.line_height = parent_factor * s.font_size;
  if (!inline_style) {
    if (memo_.size() >= 4096) memo_.clear();
    memo_.emplace(key, s);
  }
  return s;
}

}  // namespace deckpdf::style
