variable "low_cpu_target" {
  type    = number
  default = 20
}

variable "high_cpu_target" {
  type    = number
  default = 50
}
