// style/theme — parsing a theme and loading it with its imports (see theme.h).
#include "style/theme.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "source/strings.h"
#include "style/css_import.h"
#include "style/value.h"

namespace deckpdf::style {

Theme Theme::parse(std::string_view css, std::string name, std::vector<CssProblem>& problems) {
  Theme t;
  t.name = std::move(name);
  uint32_t order = 0;
  std::vector<Declaration> root;
  t.rules = parse_rules(css, &root, problems, order);
  std::map<std::string, Span> var_spans;  // of the declaration that set each variable last
  for (const Declaration& d : root) {
    t.vars[d.property] = d.value;
    var_spans[d.property] = d.span;
  }
  auto bad_value = [&](const std::string& key, const std::string& why) {
    problems.push_back({var_spans[key], "theme.bad-value", key + ": '" + t.vars[key] + "' " + why});
  };
  auto var_length = [&](const char* key, float& out) {
    auto it = t.vars.find(key);
    if (it == t.vars.end()) return;
    if (auto v = parse_length(it->second, 16, 16, 0))
      out = *v;
    else
      bad_value(key, "is not a length");
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
      bad_value("--code-overflow", "is not wrap or shrink");
  }
  if (auto it = t.vars.find("--background"); it != t.vars.end()) {
    if (auto c = parse_color(it->second)) t.background = *c;
  }
  if (auto it = t.vars.find("--background-gradient"); it != t.vars.end()) {
    t.background_gradient = parse_gradient(ascii_lower(it->second), 16, 16);
    if (!t.background_gradient) bad_value("--background-gradient", "is not a gradient");
  }
  return t;
}

namespace fs = std::filesystem;

std::vector<std::string> theme_names(const std::string& layouts_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(layouts_dir, ec)) {
    if (entry.path().extension() != ".css") continue;
    std::string stem = entry.path().stem().string();
    // Not themes: the notes style, the shared base, code colours (code-*.css).
    if (stem != "notes" && stem != "base" && !stem.starts_with("code-")) names.push_back(stem);
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool theme_is_path(std::string_view name_or_path) {
  return name_or_path.find('/') != std::string_view::npos || name_or_path.ends_with(".css");
}

std::optional<Theme> theme_load(const std::string& layouts_dir, const std::string& name_or_path,
                                std::string& error, Diagnostics& diags) {
  std::string path = name_or_path;
  if (!theme_is_path(name_or_path)) path = layouts_dir + "/" + name_or_path + ".css";
  CssImports how;
  how.layouts_dir = layouts_dir;
  return css_file_read(path, name_or_path, how, 0, error, diags);
}

}  // namespace deckpdf::style
