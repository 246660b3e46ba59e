#include "source/files.h"

#include <sys/stat.h>

#include <cstdio>
#include <memory>

namespace deckpdf {

namespace fs = std::filesystem;

std::optional<std::string> file_read_all(const std::string& path, size_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return std::nullopt;
  struct stat st {};
  if (::fstat(::fileno(f.get()), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) return std::nullopt;
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    if (out.size() + n > max_bytes) return std::nullopt;  // it grew while read
    out.append(buf, n);
  }
  if (std::ferror(f.get())) return std::nullopt;
  return out;
}

bool path_inside(const fs::path& path, const fs::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    // A trailing separator reads as an empty last component.
    if (f->empty() && std::next(f) == folder.end()) break;
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

std::optional<fs::path> path_resolve_inside(const fs::path& folder, const fs::path& relative) {
  std::error_code ec;
  fs::path base = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  if (ec) return std::nullopt;
  fs::path full = fs::weakly_canonical(relative.is_absolute() ? relative : base / relative, ec);
  if (ec || !path_inside(full, base)) return std::nullopt;
  return full;
}

}  // namespace deckpdf
