// Helpers for the reliability tests: run the built deckpdf with a chosen
// environment, time it, and spot sanitizer reports in what it printed.
#pragma once

#include <chrono>
#include <cstdlib>
#include <string>

#include "support/paths.h"

namespace deckpdf::test {

struct TimedRun {
  int exit_code = -1;  // -1: killed by a signal
  std::string out, err;
  double seconds = 0;
};

// Runs `env ENV deckpdf ARGS` (ENV like "SOURCE_DATE_EPOCH=1" or
// "-u SOURCE_DATE_EPOCH"), stdin from /dev/null.
inline TimedRun run_with_env(const std::string& env, const std::string& args) {
  static int counter = 0;
  std::string base = temp_dir() + "/rel" + std::to_string(++counter);
  std::string cmd = "env " + env + " '" + deckpdf_binary() + "' " + args + " >" + base + ".out 2>" +
                    base + ".err </dev/null";
  auto start = std::chrono::steady_clock::now();
  int status = std::system(cmd.c_str());
  auto stop = std::chrono::steady_clock::now();
  TimedRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(base + ".out");
  r.err = read_file(base + ".err");
  r.seconds = std::chrono::duration<double>(stop - start).count();
  return r;
}

// True when AddressSanitizer, LeakSanitizer or UBSan reported something.
inline bool sanitizer_report(const std::string& err) {
  return err.find("Sanitizer") != std::string::npos ||
         err.find("runtime error:") != std::string::npos;
}

// The loose time bound for one pathological deck: 20 s, more under the
// sanitizers' slowdown.
inline double time_limit() {
#ifdef DECKPDF_SANITIZED
  return 60;
#else
  return 20;
#endif
}

inline bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace deckpdf::test
