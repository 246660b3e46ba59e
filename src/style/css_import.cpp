// style/css_import — CSS files with their @imports (see css_import.h).
#include "style/css_import.h"

#include <algorithm>
#include <memory>

#include "source/files.h"
#include "source/strings.h"

namespace deckpdf::style {

namespace fs = std::filesystem;

namespace {

constexpr int max_import_depth = 4;

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

bool is_remote(const std::string& spec) {
  std::string lower = ascii_lower(spec);
  return lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//");
}

// The file an @import of `spec` in folder `here` reads, or nullopt when it
// would leave the folders `how` allows. Themes: "white" or "white.css"
// beside the importing file, else in layouts/. The deck's CSS: the path as
// written, inside the deck's folder.
std::optional<fs::path> import_resolve(const fs::path& here, const CssImports& how,
                                       const std::string& spec) {
  std::error_code ec;
  if (how.root) {
    std::optional<fs::path> resolved = path_resolve_inside(*how.root, here / spec);
    if (!resolved || !fs::is_regular_file(*resolved, ec)) return std::nullopt;
    return resolved;
  }
  std::string file = spec.find(".css") == std::string::npos ? spec + ".css" : spec;
  fs::path target = here / file;
  if (spec.find('/') == std::string::npos && !fs::exists(target, ec)) {
    target = fs::path(how.layouts_dir) / file;
  }
  fs::path resolved = fs::weakly_canonical(target, ec);
  if (ec) return std::nullopt;
  auto within = [&](const fs::path& root) {
    std::error_code root_ec;
    return path_inside(resolved, fs::weakly_canonical(root, root_ec));
  };
  if (!within(here) && !within(how.layouts_dir)) return std::nullopt;
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

}  // namespace

Theme css_parse_imports(std::string css, const fs::path& here, const std::string& name,
                        const CssImports& how, int depth, std::vector<CssProblem>& problems,
                        Diagnostics& diags) {
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
    if (how.root && is_remote(spec)) {
      problems.push_back({span, how.code_prefix + ".remote",
                          "@import \"" + spec +
                              "\" is a remote stylesheet; deckpdf reads files inside the deck's "
                              "folder only; it is ignored"});
      continue;
    }
    std::optional<fs::path> resolved;
    if (depth < max_import_depth) resolved = import_resolve(here, how, spec);
    if (!resolved) {
      std::string where = how.root ? "not a file inside the deck's folder"
                                   : "outside the theme's folder and layouts/";
      problems.push_back(
          {span, how.code_prefix + ".import-refused",
           "@import \"" + spec + "\" is " +
               (depth >= max_import_depth ? std::string("nested too deeply") : where) +
               "; it is ignored"});
      continue;
    }
    std::string import_error;
    auto base = css_file_read(resolved->string(), spec, how, depth + 1, import_error, diags);
    if (!base) {
      problems.push_back({span, how.code_prefix + ".import-unreadable", import_error});
      continue;
    }
    for (Rule& r : base->rules) merged.rules.push_back(std::move(r));
    for (auto& [k, v] : base->vars) merged.vars[k] = v;
    have_base = true;
  }
  Theme own = Theme::parse(css, name, problems);
  if (how.check) how.check(own.rules, problems);
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
  return own;
}

std::optional<Theme> css_file_read(const std::string& path, const std::string& name,
                                   const CssImports& how, int depth, std::string& error,
                                   Diagnostics& diags) {
  std::optional<std::string> text;
  if (*how.budget > 0) text = file_read_all(path, std::min(size_t{4} << 20, *how.budget));
  if (!text) {
    error = "cannot read " + std::string(how.root ? "stylesheet" : "theme") + " '" + name + "' (" +
            path + ")" +
            (*how.budget < (size_t{4} << 20) ? ": the stylesheets read are past 16 MB" : "");
    return std::nullopt;
  }
  *how.budget -= text->size();
  Uncommented uncommented = strip_comments(*text);  // keeps line breaks
  std::vector<CssProblem> problems;                 // spans in the uncommented text
  Theme own = css_parse_imports(std::move(uncommented.text), fs::path(path).parent_path(), name,
                                how, depth, problems, diags);
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

}  // namespace deckpdf::style
