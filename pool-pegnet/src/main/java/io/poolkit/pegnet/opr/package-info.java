/**
 * PegNet Oracle Price Records: the asset lists and record versions by height, the v1 JSON and v2-v5 protobuf
 * contents, the Factom entry that carries a record (entry hash and short hash), the OPR hash and its LXRHash
 * difficulty, validation, and the block grader (v1 to v5) that picks the winners PegNet pays.
 */
package io.poolkit.pegnet.opr;
