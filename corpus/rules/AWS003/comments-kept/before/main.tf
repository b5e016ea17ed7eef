resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    # Every other service is a backend.
    backend { # one backend per service?
      # generated below
      dynamic "virtual_service" { # the wrong level
        # the services
        for_each = toset(["orders", "billing"]) # two of them
        iterator = svc

        # the body
        content {
          # the name
          virtual_service_name = "${svc.value}.local" # in the namespace
        }                                             # end content
        # after content
      } # end dynamic
      # last line of backend
    } # end backend
  }
}
