// Printing a pack's problems.
#include "validate_command.h"

#include <fmt/format.h>

namespace etalase::pack {

std::string problemLine(const kiosk::PackProblem& problem) {
  std::string line;
  for (const std::string* part : {&problem.file, &problem.field}) {
    if (!part->empty()) line += *part + ": ";
  }
  return line + (problem.fatal ? "error: " : "warning: ") + problem.what;
}

int runValidate(const ValidateCommand& command, std::FILE* out, std::FILE* progress) {
  kiosk::ValidateOptions options;
  if (command.decodeMedia) options.mediaChecker = command.mediaChecker;
  options.perFileTimeout = command.timeout;
  options.progress = [progress](const kiosk::MediaCheckProgress& p) {
    fmt::print(progress, "checking {} {}/{}: {}\n", p.kind, p.index, p.count, p.file);
    std::fflush(progress);
  };
  const kiosk::PackReport report = kiosk::validatePack(command.pack, options);
  for (const kiosk::PackProblem& problem : report.problems) fmt::print(out, "{}\n", problemLine(problem));
  const int errors = report.errorCount();
  const int warnings = report.warningCount();
  fmt::print(out, "{}: {} error{}, {} warning{}, {} media file{} {}\n", report.passed() ? "PASSED" : "FAILED", errors,
             errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", report.mediaFilesChecked,
             report.mediaFilesChecked == 1 ? "" : "s", command.decodeMedia ? "decoded" : "checked (not decoded)");
  return report.passed() ? 0 : 1;
}

}  // namespace etalase::pack
