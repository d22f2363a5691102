/**
 * Service items (政务服务事项) as catalogued in GB/T 39046 表4: codes, type (A.1), handling type (A.6),
 * handling forms (A.5), statutory and promised time limits, fees.
 */
package org.approvalrules.api.item;
