// cli/watch — --watch: export, then export again whenever a file the export
// read changes: the deck, the pictures it shows, its theme file.
//
// Files are polled (stat every 100 ms: mtime, size, inode), which works on
// every file system and sees editors that replace a file by renaming over
// it. A change is exported once the files have been quiet for 200 ms
// (debounced), so an editor's several writes make one export. Errors are
// printed and watching goes on, whatever an export throws. Each export ends
// with one status line; a warning is printed once, and again only when it
// changes (Repeats). SIGINT and SIGTERM stop it between
// exports; an export under way finishes first, so no temporary file is left behind.
#include <signal.h>
#include <sys/stat.h>
#include <time.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/job.h"

namespace deckpdf::cli {

namespace {

volatile sig_atomic_t stop_requested = 0;

void stop_handler(int) {
  stop_requested = 1;
}

// What a file looks like now; equal stamps = unchanged.
struct Stamp {
  bool exists = false;
  int64_t mtime_ns = 0;
  int64_t size = 0;
  uint64_t inode = 0;
  bool operator==(const Stamp&) const = default;
};

Stamp stamp_take(const std::string& path) {
  struct stat st {};
  Stamp s;
  if (::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.size = static_cast<int64_t>(st.st_size);
  s.inode = static_cast<uint64_t>(st.st_ino);
  return s;
}

struct Watched {
  const Job* job = nullptr;
  std::map<std::string, Stamp> files;
  bool pending = false;
  std::chrono::steady_clock::time_point changed_at;
  Repeats repeats;  // the warnings printed last time, not printed again
};

std::string plural(size_t n, const char* one) {
  return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

// One line per export (-q: none): when, what was written or that the last
// PDF stays, and the deck's warnings, saying how many were printed above:
//   deckpdf: 14:02:07 talk.pug -> talk.pdf (12 pages) in 85 ms; 3 warnings (1 new)
//   deckpdf: 14:02:19 talk.pug -> talk.pdf (12 pages) in 80 ms; 3 warnings (shown before)
//   deckpdf: 14:02:31 talk.pug: 1 error; the last PDF stays
void status_print(const Job& job, const JobResult& r, std::chrono::milliseconds took) {
  if (job.quiet) return;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char clock[16];
  std::strftime(clock, sizeof clock, "%H:%M:%S", &tm);
  std::string line = std::string("deckpdf: ") + clock + " " + job.input;
  if (r.exit_code == exit_ok) {
    std::string outputs;
    for (const auto& [path, pages] : r.written) {
      outputs += (outputs.empty() ? " -> " : ", ") + path + " (" + plural(pages, "page") + ")";
    }
    line += outputs + " in " + std::to_string(took.count()) + " ms";
    if (r.warnings > 0) {
      line += "; " + plural(r.warnings, "warning");
      if (r.warnings_printed < r.warnings) {
        line += r.warnings_printed == 0 ? " (shown before)"
                                        : " (" + std::to_string(r.warnings_printed) + " new)";
      }
    }
  } else {
    line += ": " + (r.errors > 0 ? plural(r.errors, "error") : std::string("failed")) +
            "; the last PDF stays";
  }
  std::cerr << line << std::endl;
}

void watched_export(Watched& w) {
  // The files as they are before the export reads them: one saved while
  // it runs differs from its stamp, and is exported again.
  std::map<std::string, Stamp> before = w.files;
  before[w.job->input] = Stamp{};
  for (auto& [path, stamp] : before) stamp = stamp_take(path);
  JobResult r;
  auto started = std::chrono::steady_clock::now();
  try {
    r = job_run(*w.job, &w.repeats);
  } catch (const std::exception& e) {
    // The watcher outlives any input: whatever an export throws (memory is
    // caught inside it, with its stage) is shown, the last good PDF stays,
    // and the files it had read are watched as before.
    std::cerr << "deckpdf: error: " << w.job->input << ": " << e.what()
              << "; the last PDF stays, watching goes on" << std::endl;
    w.files = std::move(before);
    return;
  }
  w.files.clear();
  for (const std::string& f : r.files) {
    auto known = before.find(f);
    w.files[f] = known != before.end() ? known->second : stamp_take(f);
  }
  if (w.files.empty()) w.files[w.job->input] = before[w.job->input];
  // Said once the files are stamped: a save after this line is seen.
  status_print(*w.job, r,
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started));
}

bool watched_changed(const Watched& w) {
  for (const auto& [path, stamp] : w.files) {
    if (!(stamp_take(path) == stamp)) return true;
  }
  return false;
}

}  // namespace

int watch_run(const std::vector<Job>& jobs) {
  struct sigaction sa {};
  sa.sa_handler = stop_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a signal ends the sleep at once
  struct sigaction old_int {
  }, old_term{};
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);

  constexpr auto poll = std::chrono::milliseconds(100);
  constexpr auto quiet_for = std::chrono::milliseconds(200);
  std::vector<Watched> watched(jobs.size());
  for (size_t i = 0; i < jobs.size() && !stop_requested; ++i) {
    watched[i].job = &jobs[i];
    watched_export(watched[i]);
  }
  bool quiet = !jobs.empty() && jobs.front().quiet;
  if (!quiet && !stop_requested) {
    std::cerr << "deckpdf: watching " << jobs.size() << (jobs.size() == 1 ? " deck" : " decks")
              << " for changes; Ctrl-C stops" << std::endl;
  }
  while (!stop_requested) {
    timespec ts{0, std::chrono::nanoseconds(poll).count()};
    nanosleep(&ts, nullptr);
    auto now = std::chrono::steady_clock::now();
    for (Watched& w : watched) {
      if (stop_requested) break;
      if (watched_changed(w)) {
        // Still changing: wait until it has been quiet for a while.
        w.pending = true;
        w.changed_at = now;
        for (auto& [path, stamp] : w.files) stamp = stamp_take(path);
        continue;
      }
      if (w.pending && now - w.changed_at >= quiet_for) {
        w.pending = false;
        watched_export(w);
      }
    }
  }
  // Further stop signals are ignored from here on: the process is about to
  // exit, and a second one (timeout(1) sends one to the command and one to
  // its group) must not kill it on the way out.
  (void)old_int;
  (void)old_term;
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  if (!quiet) std::cerr << "deckpdf: stopped watching" << std::endl;
  return exit_ok;
}

}  // namespace deckpdf::cli
