#pragma once
// JSON form of a crop plan, as `leopard-cli plan` prints it. No dependencies beyond the STL.
#include "inference/planner.h"
#include <string>

namespace leopard {
std::string planToJson(const CropPlan &plan);
}
