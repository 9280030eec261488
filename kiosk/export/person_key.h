// What tells the merge that two leads are the same person: the e-mail, lower-cased and trimmed,
// or the phone as E.164 (spaces, dots, dashes and brackets taken out). Not the name: two buyers
// may share one, and one buyer writes it differently at two stands.
#pragma once

#include <string>
#include <string_view>

namespace etalase::exporting {

// Empty when there is no usable e-mail (nothing, or no '@' inside it).
std::string normalisedEmail(std::string_view email);
// Empty unless it is "+" and 8 to 15 digits once the separators are gone.
std::string normalisedPhone(std::string_view phone);

}  // namespace etalase::exporting
