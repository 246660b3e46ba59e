// layout/svg_load — where an SVG comes from: a file inside the deck's
// folder (the same rule as `img`: no remote URLs, no way out of the
// folder, site-absolute paths under --asset-root) or a data: URI.
#include <filesystem>

#include "image/data_uri.h"
#include "layout/svg.h"
#include "source/files.h"
#include "source/strings.h"

namespace deckpdf::layout::svg {

namespace fs = std::filesystem;

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = 0, lo = 0;
    if (s[i] == '%' && i + 2 < s.size() && (hi = hex_digit(s[i + 1])) >= 0 &&
        (lo = hex_digit(s[i + 2])) >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && ascii_lower(s.substr(0, p.size())) == p;
}

}  // namespace

bool is_svg_source(const std::string& src) {
  if (starts_with(src, "data:")) return starts_with(src, "data:image/svg+xml");
  std::string path = src.substr(0, src.find_first_of("?#"));
  return path.size() > 4 && ascii_lower(path.substr(path.size() - 4)) == ".svg";
}

Tree load(const std::string& src, Env& env, std::string& problem) {
  Tree tree;
  if (starts_with(src, "data:")) {
    size_t comma = src.find(',');
    if (comma == std::string::npos) {
      problem = "is a data: URI without data";
      return tree;
    }
    if (src.size() - comma > env.limits.max_bytes * 2) {
      problem = "is larger than " + std::to_string(env.limits.max_bytes >> 10) + " KB";
      return tree;
    }
    std::string_view meta(src.data(), comma), data(src.data() + comma + 1, src.size() - comma - 1);
    std::optional<std::string> bytes = meta.find(";base64") != std::string_view::npos
                                           ? image::base64_decode(data)
                                           : percent_decode(data);
    if (!bytes) {
      problem = "is a data: URI with broken base64";
      return tree;
    }
    env.base.clear();
    env.file.clear();
    tree = tree_from_xml(*bytes, env.limits);
  } else {
    if (starts_with(src, "http:") || starts_with(src, "https:") || starts_with(src, "//") ||
        src.find(':') != std::string::npos) {
      problem = "is a URL; deckpdf only reads files inside the deck's folder";
      return tree;
    }
    std::string path = percent_decode(src.substr(0, src.find_first_of("?#")));
    if (path.empty()) {
      problem = "has no path";
      return tree;
    }
    std::error_code ec;
    fs::path folder = path[0] == '/' ? fs::path(env.asset_root) : fs::path(env.deck_dir);
    if (path[0] == '/' && env.asset_root.empty()) {
      problem = "is a site-absolute path; name its folder with --asset-root";
      return tree;
    }
    if (path.find('\0') != std::string::npos) {
      problem = "contains a NUL byte";
      return tree;
    }
    folder = fs::weakly_canonical(fs::absolute(folder.empty() ? "." : folder, ec), ec);
    std::optional<fs::path> resolved =
        path_resolve_inside(folder, fs::path(path[0] == '/' ? path.substr(1) : path));
    if (!resolved) {
      problem = "is outside the deck's folder; it is not read";
      return tree;
    }
    std::optional<std::string> bytes = file_read_all(resolved->string(), env.limits.max_bytes);
    if (!bytes) {
      problem = fs::is_regular_file(*resolved, ec)
                    ? "is larger than " + std::to_string(env.limits.max_bytes >> 10) + " KB"
                    : "was not found (" + resolved->string() + ")";
      return tree;
    }
    // Images the SVG names are relative to its own folder.
    fs::path deck_root =
        fs::weakly_canonical(fs::absolute(env.deck_dir.empty() ? "." : env.deck_dir, ec), ec);
    fs::path rel = resolved->parent_path().lexically_relative(deck_root);
    env.base = rel.empty() || rel == "." ? "" : rel.generic_string() + "/";
    env.file = resolved->lexically_relative(deck_root).generic_string();
    tree = tree_from_xml(*bytes, env.limits);
  }
  if (!tree.ok() && !tree.problems.empty()) {
    problem = tree.problems.front();
  } else if (!tree.ok()) {
    problem = "is not an SVG document";
  }
  return tree;
}

}  // namespace deckpdf::layout::svg
