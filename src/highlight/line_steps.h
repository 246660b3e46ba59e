// highlight/line_steps — the line highlights of `data-line-numbers="1,3-5|8"`
// as reveal.js's highlight plugin (6.0.2) makes them: the ranges of a step
// mark those rows of the line-number table `highlight-line` and the block
// `has-highlights` (reveal.css dims the other rows), and each step after the
// first is a copy of the block, a `fragment` appended to the same parent,
// which reveal.css stacks over the block (`.hljs:not(:first-child).fragment`).
// deckpdf copies the block down to its table's rows, not their cells:
// layout draws the block, each row as bright as the copy on top says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"

namespace deckpdf::highlight {

// One range of a step: lines `start`..`end` (1-based rows of the table,
// inclusive); `end` == 0 for a single line; `start` == 0 for a range the
// plugin reads as highlighting nothing.
struct LineRange {
  long start = 0, end = 0;
};
using LineStep = std::vector<LineRange>;

// The plugin's deserializeHighlightSteps: white space dropped, steps split
// at '|', ranges at ',', numbers read as parseInt reads them.
std::vector<LineStep> line_steps_parse(std::string_view value);
// Its serializeHighlightSteps of one step.
std::string line_step_serialize(const LineStep& step);

// Copies the steps of one export may add, in elements: a 40-line block's
// copy (its rows, some 45 elements) can be made 20,000 times, far past
// what a talk shows.
inline constexpr size_t max_copied_nodes = 1'000'000;

// After the line-number table is made for `code`: its steps as the plugin
// makes them (copies appended after it, `data-fragment-index` counted on
// from the block's), and its first step's highlights. `copied_nodes`
// counts the elements copied so far in this export; steps past the budget
// are dropped with a warning.
void line_steps_apply(dom::Document& doc, dom::NodeId code, size_t& copied_nodes,
                      Diagnostics& diags);

}  // namespace deckpdf::highlight
