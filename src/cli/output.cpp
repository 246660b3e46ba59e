// cli/output — output paths and writing (see output.h).
#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace deckpdf::cli {

namespace fs = std::filesystem;

std::mutex& print_mutex() {
  static std::mutex m;
  return m;
}

std::string output_path(const std::string& input, const std::string& output,
                        const std::string& suffix) {
  if (output == "-" || (output.empty() && input == "-")) return "-";
  fs::path name = input == "-" ? fs::path("stdin") : fs::path(input);
  name.replace_extension();
  name += suffix + ".pdf";
  if (output.empty()) return name.string();
  std::error_code ec;
  if (output.back() == '/' || fs::is_directory(output, ec)) {
    return (fs::path(output) / name.filename()).string();
  }
  if (suffix.empty()) return output;
  fs::path p(output);  // -o talk.pdf --handout: talk-handout.pdf beside it
  fs::path ext = p.extension();
  p.replace_extension();
  p += suffix;
  p += ext.empty() ? fs::path(".pdf") : ext;
  return p.string();
}

int output_stdout(const std::string& bytes, std::ostream& err) {
  std::lock_guard<std::mutex> lock(print_mutex());
  std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::cout.flush();
  if (!std::cout) {
    err << "deckpdf: error: cannot write the PDF to standard output: " << std::strerror(errno)
        << "\n";
    return exit_io;
  }
  return exit_ok;
}

bool output_tell(const Job& job) {
  return job.verbose || (!job.quiet && !job.watch && isatty(STDERR_FILENO));
}

}  // namespace deckpdf::cli
