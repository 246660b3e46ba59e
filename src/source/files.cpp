// source/files — whole-file reads within a size limit, the inputs of the
// run remembered, paths kept inside a folder (see files.h).
#include "source/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <set>
#include <utility>

namespace deckpdf {

namespace fs = std::filesystem;

namespace {

std::mutex inputs_mutex;
std::set<std::pair<dev_t, ino_t>>& inputs() {
  static std::set<std::pair<dev_t, ino_t>> files;
  return files;
}

}  // namespace

std::string file_kind(unsigned mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "a special file";
}

void file_note_input(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
  std::lock_guard<std::mutex> lock(inputs_mutex);
  inputs().insert({st.st_dev, st.st_ino});
}

bool file_is_input(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  std::lock_guard<std::mutex> lock(inputs_mutex);
  return inputs().count({st.st_dev, st.st_ino}) > 0;
}

std::optional<std::string> file_read_all(const std::string& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) return std::nullopt;
  file_note_input(fd);
  std::string out;
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) return std::nullopt;  // it grew
    out.append(buf, static_cast<size_t>(n));
  }
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
