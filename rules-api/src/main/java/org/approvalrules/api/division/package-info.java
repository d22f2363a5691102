/**
 * Administrative division codes (行政区划代码) and their hierarchy county → city → province → national.
 */
package org.approvalrules.api.division;
