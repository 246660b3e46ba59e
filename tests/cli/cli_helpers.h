// tests/cli/cli_helpers.h — what the command-line tests share: a scratch
// path, a shell command's exit code and stderr, the binary's quoted path,
// the names in a folder.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "support/paths.h"

namespace deckpdf::test {

inline std::string tmp(const std::string& name) {
  return temp_dir() + "/" + name;
}

inline bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// Runs a shell command line; its exit code, stderr in `err`.
inline int sh(const std::string& cmd, std::string* err = nullptr) {
  std::string err_path = tmp("sh.err");
  int status = std::system((cmd + " 2>'" + err_path + "'").c_str());
  if (err) *err = read_file(err_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string bin() {
  return "'" + deckpdf_binary() + "'";
}

// The files in a folder whose names start with `prefix`.
inline std::set<std::string> files_in(const std::string& dir, const std::string& prefix = "") {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    if (n.rfind(prefix, 0) == 0) names.insert(n);
  }
  return names;
}

}  // namespace deckpdf::test
