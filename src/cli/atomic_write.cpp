// cli/atomic_write — outputs replaced whole or not at all (see atomic_write.h).
//
// The bytes go to an unnamed file (O_TMPFILE) in the target's folder, so a
// run killed by SIGKILL while writing leaves nothing behind; the file gets a
// name (`.NAME.deckpdf-PID-N`) only for the instant between linking it and
// renaming it over the target. Where the file system has no O_TMPFILE, the
// named file is written instead. Either way, a name being written is in a
// table the signal handler reads, and names left by a run that no longer
// exists are removed before the next write to the same target.
#include "cli/atomic_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "source/files.h"

namespace deckpdf::cli {

namespace {

namespace fs = std::filesystem;

// Temporary names being written, for the signal handler: a fixed table of
// fixed buffers (no allocation, lock-free flags), one slot per write (-j).
struct Slot {
  std::atomic<bool> busy{false};   // claimed by a writer
  std::atomic<bool> named{false};  // `path` holds a name on disk to remove
  char path[4096] = {};
};
std::array<Slot, 64> slots;

class SlotGuard {
 public:
  SlotGuard() {
    for (Slot& s : slots) {
      bool expected = false;
      if (s.busy.compare_exchange_strong(expected, true)) {
        slot_ = &s;
        return;
      }
    }
  }
  ~SlotGuard() {
    if (!slot_) return;
    slot_->named.store(false);
    slot_->busy.store(false);
  }
  // The name about to exist on disk: removed by a signal until forget().
  bool remember(const std::string& path) {
    if (!slot_ || path.size() >= sizeof slot_->path) return false;
    std::memcpy(slot_->path, path.c_str(), path.size() + 1);
    slot_->named.store(true);
    return true;
  }
  void forget() {
    if (slot_) slot_->named.store(false);
  }

 private:
  Slot* slot_ = nullptr;
};

extern "C" void remove_temporaries_and_die(int sig) {
  for (Slot& s : slots) {
    if (s.named.load()) ::unlink(s.path);  // async-signal-safe
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

std::atomic<unsigned> counter{0};

std::string temp_prefix(const fs::path& target) {
  return "." + target.filename().string() + ".deckpdf-";
}

// A fresh `.NAME.deckpdf-PID-N` beside `target`.
std::string temp_name(const fs::path& target) {
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  return (dir / (temp_prefix(target) + std::to_string(::getpid()) + "-" +
                 std::to_string(counter.fetch_add(1))))
      .string();
}

// `.NAME.deckpdf-PID-N` files of ours whose process is gone: a run killed
// between naming its file and renaming it.
void leftovers_remove(const fs::path& dir, const fs::path& target) {
  std::string prefix = temp_prefix(target);
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || !end || *end != '-' || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    struct stat st {};
    fs::path full = dir / name;
    if (::lstat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid()) {
      ::unlink(full.c_str());
    }
  }
  ::closedir(d);
}

bool write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string write_failure(const std::string& path) {
  if (errno == EFBIG) {
    return "cannot write '" + path + "': the file size limit (ulimit -f) is smaller than the PDF";
  }
  return "cannot write '" + path + "': " + std::strerror(errno);
}

}  // namespace

void atomic_write_signals_install() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    struct sigaction old {};
    sigaction(sig, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // nohup: stays ignored
    struct sigaction sa {};
    sa.sa_handler = remove_temporaries_and_die;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, nullptr);
  }
  ::signal(SIGXFSZ, SIG_IGN);
}

// One output written under its temporary name, waiting to be renamed.
struct OutputGroup::Staged {
  std::string target, named;
  SlotGuard slot;  // `named` is removed by a signal until committed
};

OutputGroup::OutputGroup() = default;

OutputGroup::~OutputGroup() {
  for (Staged& s : staged_) ::unlink(s.named.c_str());
}

bool OutputGroup::add(const std::string& path, const std::string& bytes, std::string& error) {
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";

  // What is there now: only a regular file that is not an input is replaced.
  // umask() can only be read by setting it: read it once, before any job
  // thread writes (a static's initialisation runs once, thread-safely).
  static const mode_t mask = [] {
    mode_t m = umask(0);
    umask(m);
    return m;
  }();
  mode_t mode = 0666 & ~mask;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      error = "will not write '" + path + "': it is " + file_kind(st.st_mode) +
              "; deckpdf replaces only regular files (give -o - for standard output, or --check to "
              "write nothing)";
      return false;
    }
    if (file_is_input(path)) {
      error = "will not write '" + path +
              "': it is an input of this run (the deck or a file it uses); give another "
              "output with -o";
      return false;
    }
    mode = st.st_mode & 07777;
  }
  leftovers_remove(dir, target);

  // Staged from the start (a failure below drops it again), so that its
  // slot stays claimed as long as the group holds the file.
  Staged& staged = staged_.emplace_back();
  staged.target = path;
  staged.named = temp_name(target);
  const std::string& named = staged.named;
  bool unnamed = true;
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {  // no O_TMPFILE here: the named file from the start
    unnamed = false;
    if (!staged.slot.remember(named)) {
      error = "cannot write '" + path + "': its name is too long";
      staged_.pop_back();
      return false;
    }
    fd = ::open(named.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
      error = "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
      staged_.pop_back();
      return false;
    }
  }
  auto fail = [&](std::string message) {
    ::close(fd);
    if (!unnamed) ::unlink(staged.named.c_str());
    error = std::move(message);
    staged_.pop_back();
    return false;
  };
  if (!write_all(fd, bytes)) return fail(write_failure(path));
  ::fchmod(fd, mode);
  if (::fsync(fd) != 0) return fail(write_failure(path));
  if (unnamed) {
    if (!staged.slot.remember(named)) {
      return fail("cannot write '" + path + "': its name is too long");
    }
    std::string proc = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, named.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      return fail("cannot write '" + path + "': " + std::strerror(errno));
    }
    unnamed = false;  // from here on, a name to remove on failure
  }
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail(write_failure(path));
  return true;
}

bool OutputGroup::commit(std::string& error) {
  // No stop signal between the renames: the outputs change together (one
  // that arrives is handled after, when nothing is left to remove).
  sigset_t stops, old;
  sigemptyset(&stops);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&stops, sig);
  pthread_sigmask(SIG_BLOCK, &stops, &old);
  // With more than one output, each old file keeps a second name (a hard
  // link) until all are in place, to be put back if a later rename fails.
  struct Done {
    std::string target, backup;  // backup "": there was no old file (or no link)
  };
  std::vector<Done> done;
  bool ok = true;
  for (Staged& s : staged_) {
    Done d{s.target, ""};
    if (staged_.size() > 1) {
      std::string backup = temp_name(fs::path(s.target));
      if (::link(s.target.c_str(), backup.c_str()) == 0) d.backup = backup;
    }
    if (std::rename(s.named.c_str(), s.target.c_str()) != 0) {
      error = "cannot replace '" + s.target + "': " + std::strerror(errno);
      if (!d.backup.empty()) ::unlink(d.backup.c_str());
      ok = false;
      break;
    }
    s.named.clear();
    done.push_back(std::move(d));
  }
  for (Done& d : done) {
    if (ok) {
      if (!d.backup.empty()) ::unlink(d.backup.c_str());
    } else if (!d.backup.empty()) {
      std::rename(d.backup.c_str(), d.target.c_str());  // the old file back
    } else {
      ::unlink(d.target.c_str());  // there was none
    }
  }
  for (Staged& s : staged_) {
    if (!s.named.empty()) ::unlink(s.named.c_str());
  }
  staged_.clear();
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

bool file_write_atomic(const std::string& path, const std::string& bytes, std::string& error) {
  OutputGroup group;
  return group.add(path, bytes, error) && group.commit(error);
}

}  // namespace deckpdf::cli
