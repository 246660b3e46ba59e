// style/theme — parsing a theme and loading it with its imports (see theme.h).
#include "style/theme.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "source/files.h"
#include "source/strings.h"
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
  return t;
}

namespace {

namespace fs = std::filesystem;

// What `@import X;` names, without `url(...)` and quotes.
std::string import_spec(std::string spec) {
  if (spec.rfind("url(", 0) == 0 && spec.back() == ')')
    spec = std::string(trim(spec.substr(4, spec.size() - 5)));
  if (spec.size() >= 2 && (spec.front() == '"' || spec.front() == '\'') &&
      spec.back() == spec.front()) {
    spec = spec.substr(1, spec.size() - 2);
  }
  return spec;
}

// The file an @import of `spec` in a theme in folder `here` reads: "white"
// or "white.css" beside the importing file, else in layouts/. nullopt when
// it would leave both folders.
std::optional<fs::path> import_resolve(const fs::path& here, const std::string& layouts_dir,
                                       const std::string& spec) {
  std::error_code ec;
  std::string file = spec.find(".css") == std::string::npos ? spec + ".css" : spec;
  fs::path target = here / file;
  if (spec.find('/') == std::string::npos && !fs::exists(target, ec)) {
    target = fs::path(layouts_dir) / file;
  }
  fs::path resolved = fs::weakly_canonical(target, ec);
  if (ec) return std::nullopt;
  auto within = [&](const fs::path& root) {
    std::error_code root_ec;
    return path_inside(resolved, fs::weakly_canonical(root, root_ec));
  };
  if (!within(here) && !within(layouts_dir)) return std::nullopt;
  return resolved;
}

// Where offset `offset` of `bytes` is in the text of a Source made of
// them, which has LF for every CRLF.
uint32_t source_offset(std::string_view bytes, uint32_t offset) {
  uint32_t crlf = 0;
  for (size_t k = 0; k < offset && k + 1 < bytes.size(); ++k) {
    if (bytes[k] == '\r' && bytes[k + 1] == '\n') ++crlf;
  }
  return offset - crlf;
}

// Reads a theme file and the themes it imports (`@import "white.css";`,
// at the top, before any rule), the imported rules first so that the file's
// own rules win. An import is looked up in the importing file's folder or,
// by bare name, in layouts/; it may not leave those folders.
std::optional<Theme> theme_read(const std::string& layouts_dir, const std::string& path,
                                const std::string& name, int depth, std::string& error,
                                Diagnostics& diags) {
  std::optional<std::string> text = file_read_all(path);
  if (!text) {
    error = "cannot read theme '" + name + "' (" + path + ")";
    return std::nullopt;
  }
  Uncommented uncommented = strip_comments(*text);  // keeps line breaks
  std::string& css = uncommented.text;
  std::vector<CssProblem> problems;  // spans in `css`
  Theme merged;
  bool have_base = false;
  // @import lines are blanked (not removed) so that offsets stay.
  size_t pos = 0;
  while (true) {
    size_t at = css.find("@import", pos);
    if (at == std::string::npos) break;
    size_t end = css.find(';', at);
    if (end == std::string::npos) break;
    std::string spec =
        import_spec(std::string(trim(std::string_view(css).substr(at + 7, end - at - 7))));
    Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(end + 1)};
    for (size_t k = at; k <= end; ++k) {
      if (css[k] != '\n') css[k] = ' ';
    }
    pos = end + 1;
    std::optional<fs::path> resolved;
    if (depth < 4) resolved = import_resolve(fs::path(path).parent_path(), layouts_dir, spec);
    if (!resolved) {
      problems.push_back(
          {span, "theme.import-refused",
           "@import \"" + spec + "\" is " +
               (depth >= 4 ? "nested too deeply" : "outside the theme's folder and layouts/") +
               "; it is ignored"});
      continue;
    }
    std::string import_error;
    auto base = theme_read(layouts_dir, resolved->string(), spec, depth + 1, import_error, diags);
    if (!base) {
      problems.push_back({span, "theme.import-unreadable", import_error});
      continue;
    }
    for (Rule& r : base->rules) merged.rules.push_back(std::move(r));
    for (auto& [k, v] : base->vars) merged.vars[k] = v;
    have_base = true;
  }
  Theme own = Theme::parse(css, name, problems);
  if (have_base) {
    uint32_t order = 0;
    for (Rule& r : merged.rules) r.order = order++;
    for (Rule& r : own.rules) {
      r.order = order++;
      merged.rules.push_back(std::move(r));
    }
    for (auto& [k, v] : own.vars) merged.vars[k] = v;
    // Derived settings from the merged variables (what they say wrong was
    // said of the file that set them).
    std::string vars_css = ":root {";
    for (const auto& [k, v] : merged.vars) vars_css += k + ": " + v + ";";
    vars_css += "}";
    std::vector<CssProblem> ignored;
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
  if (!problems.empty()) {
    auto file = std::make_shared<const Source>(path, *text);
    for (CssProblem& p : problems) {
      Span in_file = uncommented.origin(p.span);
      in_file = {source_offset(*text, in_file.begin), source_offset(*text, in_file.end)};
      diags.warning(file, in_file, std::move(p.code), std::move(p.message));
    }
  }
  return own;
}

}  // namespace

std::vector<std::string> theme_names(const std::string& layouts_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(layouts_dir, ec)) {
    if (entry.path().extension() != ".css") continue;
    std::string stem = entry.path().stem().string();
    if (stem != "notes" && stem != "base") names.push_back(stem);
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
  return theme_read(layouts_dir, path, name_or_path, 0, error, diags);
}

}  // namespace deckpdf::style
