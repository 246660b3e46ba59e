// layout/image — see image.h: where a picture named by the deck is, and
// its decoding through image/.
#include "layout/image.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include "image/data_uri.h"
#include "source/files.h"

namespace deckpdf::layout {

namespace fs = std::filesystem;

namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

// Decodes %XX escapes in a relative URL path.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

ImageInfo image_resolve(const std::string& src_in, const std::string& deck_dir,
                        const std::string& asset_root) {
  ImageInfo info;
  std::string src = src_in;
  if (src.empty()) {
    info.problem = "has no src";
    return info;
  }
  if (starts_with(src, "http://") || starts_with(src, "https://") || starts_with(src, "//") ||
      starts_with(src, "ftp:")) {
    info.problem = "is a remote URL; deckpdf never uses the network";
    return info;
  }
  if (starts_with(src, "file:")) {
    info.problem = "is a file: URL; only paths inside the deck's folder are read";
    return info;
  }
  if (starts_with(src, "data:")) {
    info.path = src.substr(0, std::min<size_t>(src.find(','), 40));
    info.ok = true;
    return info;
  }
  size_t cut = src.find_first_of("?#");
  if (cut != std::string::npos) src.resize(cut);
  src = percent_decode(src);
  if (src.find('\0') != std::string::npos) {
    info.problem = "contains a NUL byte";
    return info;
  }
  std::error_code ec;
  fs::path root;
  fs::path candidate;
  if (src[0] == '/') {
    if (asset_root.empty()) {
      info.problem = "is a site-absolute path; name its folder with --asset-root";
      return info;
    }
    root = fs::weakly_canonical(fs::absolute(asset_root, ec), ec);
    candidate = root / fs::path(src).relative_path();
  } else {
    root = fs::weakly_canonical(fs::absolute(deck_dir.empty() ? "." : deck_dir, ec), ec);
    candidate = root / src;
  }
  // Symbolic links and ".." are resolved before the check, so neither can
  // lead out of the folder.
  fs::path resolved = fs::weakly_canonical(candidate, ec);
  if (ec || !path_inside(resolved, root)) {
    info.problem = "is outside the deck's folder; it is not read";
    return info;
  }
  if (!fs::is_regular_file(resolved, ec)) {
    info.problem = "was not found (" + resolved.string() + ")";
    return info;
  }
  info.path = resolved.string();
  info.ok = true;
  return info;
}

ImageInfo image_find(const std::string& src, const std::string& deck_dir,
                     const std::string& asset_root, image::Cache* cache) {
  ImageInfo info = image_resolve(src, deck_dir, asset_root);
  if (!info.ok) return info;
  image::Decoded d;
  if (starts_with(src, "data:")) {
    std::optional<std::string> bytes = image::data_uri_bytes(src, info.problem);
    if (bytes) d = cache ? cache->bytes(*bytes) : image::decode(*bytes);
  } else {
    image::Cache own;
    d = (cache ? cache : &own)->file(info.path);
  }
  info.picture = d.picture;
  if (!d.picture) {
    info.ok = false;
    if (info.problem.empty()) info.problem = d.problem;
    return info;
  }
  info.width = d.picture->shown_width();
  info.height = d.picture->shown_height();
  return info;
}

}  // namespace deckpdf::layout
