// source/nearest — edit distance and the nearest known name (see nearest.h).
#include "source/nearest.h"

#include <algorithm>

#include "source/strings.h"

namespace deckpdf {

size_t edit_distance(std::string_view a_in, std::string_view b_in) {
  std::string a = ascii_lower(a_in), b = ascii_lower(b_in);
  // Three rows of the table: the swap of two neighbours looks two back.
  std::vector<size_t> back2(b.size() + 1), back(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) back[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({back[j] + 1, row[j - 1] + 1, back[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], back2[j - 2] + 1);
      }
    }
    std::swap(back2, back);
    std::swap(back, row);
  }
  return back[b.size()];
}

std::string nearest_name(std::string_view word, const std::vector<std::string>& known) {
  // A word of two characters or fewer is too short to guess from ("-x" is
  // one edit from every short option).
  size_t limit = std::min<size_t>(1 + word.size() / 4, word.size() > 2 ? word.size() - 2 : 0);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& name : known) {
    // Names far longer or shorter cannot be within the limit.
    size_t gap = name.size() > word.size() ? name.size() - word.size() : word.size() - name.size();
    if (gap > limit) continue;
    size_t d = edit_distance(word, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best;
}

std::string names_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace deckpdf
