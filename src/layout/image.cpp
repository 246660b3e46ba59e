#include "layout/image.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>

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

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// Reads the size from a PNG's IHDR or a JPEG's first SOFn marker.
bool probe(const std::string& path, ImageInfo& info) {
  std::ifstream in(path, std::ios::binary);
  unsigned char head[32] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  if (in.gcount() >= 24 && std::memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0 &&
      std::memcmp(head + 12, "IHDR", 4) == 0) {
    info.width = be32(head + 16);
    info.height = be32(head + 20);
    info.jpeg = false;
    return true;
  }
  if (in.gcount() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    in.clear();
    in.seekg(2);
    for (int guard = 0; guard < 10000 && in; ++guard) {
      unsigned char m[4];
      if (!in.read(reinterpret_cast<char*>(m), 2) || m[0] != 0xFF) return false;
      while (m[1] == 0xFF) {  // fill bytes
        if (!in.read(reinterpret_cast<char*>(m + 1), 1)) return false;
      }
      unsigned char marker = m[1];
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
      if (!in.read(reinterpret_cast<char*>(m), 2)) return false;
      uint32_t len = (uint32_t{m[0]} << 8) | m[1];
      if (len < 2) return false;
      bool sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        unsigned char f[5];
        if (!in.read(reinterpret_cast<char*>(f), 5)) return false;
        info.height = (uint32_t{f[1]} << 8) | f[2];
        info.width = (uint32_t{f[3]} << 8) | f[4];
        info.jpeg = true;
        return true;
      }
      in.seekg(len - 2, std::ios::cur);
    }
  }
  return false;
}

}  // namespace

ImageInfo image_find(const std::string& src_in, const std::string& deck_dir,
                     const std::string& asset_root, const ImageLimits& limits) {
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
    info.problem = "is a data: URL, which deckpdf does not decode yet";
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
  uintmax_t bytes = fs::file_size(resolved, ec);
  if (ec || bytes > limits.max_bytes) {
    info.problem = "is larger than " + std::to_string(limits.max_bytes >> 20) + " MB";
    return info;
  }
  if (!probe(resolved.string(), info)) {
    info.problem = "is not a PNG or JPEG file";
    return info;
  }
  if (info.width == 0 || info.height == 0 || info.width > limits.max_side ||
      info.height > limits.max_side || uint64_t{info.width} * info.height > limits.max_pixels) {
    info.problem = "is " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                   " pixels, past the limit of " + std::to_string(limits.max_pixels) + " pixels";
    return info;
  }
  info.path = resolved.string();
  info.ok = true;
  return info;
}

}  // namespace deckpdf::layout
