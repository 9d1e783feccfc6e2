#ifndef TM_CCBC_SHIM_H
#define TM_CCBC_SHIM_H

/*
 * CCbc: the C interface of COIN-OR CBC (mixed-integer programming), Debian's coinor-libcbc-dev.
 *
 * The panel selection's LEXIMIN lottery: CLP (CBC's LP solver) solves the master LP (PanelCore/Panel/MasterLP.swift),
 * CBC one small integer program per column, the best panel under the LP's duals (ExactPricing.swift). Nothing is
 * wrapped; Swift calls the C functions directly.
 */

#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>

#endif /* TM_CCBC_SHIM_H */
