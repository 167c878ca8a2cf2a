/* An instance's power draw at any load, from its measured points.  */
#ifndef CA_POWER_H
#define CA_POWER_H

#include "base/diag.h"

/* The power, in watts, at LOAD_PCT (0-100) of an instance whose draw is
   WATTS[i] at LOADS[i], for N points with LOADS strictly increasing from
   0 to 100 and WATTS never decreasing.

   Between points the curve is GSL's Steffen interpolant: monotone, so it
   never overshoots or dips between two measured points, and it passes
   through every point.  At a point the measured value is returned as it
   is, so the data's figures come back to the last digit.  With two
   points (Steffen needs three) the curve is linear.

   Stores the watts in *OUT and returns 0, or returns -1 with D set
   (CA_EXIT_DATAERR for bad points, CA_EXIT_USAGE for a load outside
   0-100, CA_EXIT_FAILURE if GSL fails).  */
int power_at_load (const double *loads, const double *watts, size_t n,
                   double load_pct, double *out, struct diag *d);

#endif /* CA_POWER_H */
