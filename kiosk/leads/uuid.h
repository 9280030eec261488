// Identity of a new lead: a random (version 4) UUID and the current UTC time as text.
#pragma once

#include <chrono>
#include <string>

#include "kiosk/leads/lead.h"

namespace etalase::leads {

// A random RFC 4122 version 4 UUID in lower-case text, e.g. 3f2b9c1e-8a4d-4f6b-9c2e-1d5a7b8e9f00,
// from the kernel's random source (getrandom).
std::string newUuidV4();

// ISO 8601 UTC with milliseconds, e.g. 2026-12-02T17:13:16.123Z.
std::string utcTimestamp(std::chrono::system_clock::time_point when);
// The hour a counter event falls in, UTC, e.g. 2026-12-02T17.
std::string utcHour(std::chrono::system_clock::time_point when);

// Gives a lead without them a new uuid and the current time as createdUtc.
void fillIdentity(Lead& lead);

}  // namespace etalase::leads
